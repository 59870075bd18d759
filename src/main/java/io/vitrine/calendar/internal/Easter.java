package io.vitrine.calendar.internal;

import java.time.LocalDate;

/**
 * Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus, Astronomical
 * Algorithms, ch. 8; published in Nature, 1876). It is the date the Catholic and Anglican churches
 * use, hence the movable feasts of France, the UK and Canada.
 */
final class Easter {

	private Easter() {
	}

	static LocalDate sunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, day);
	}
}
