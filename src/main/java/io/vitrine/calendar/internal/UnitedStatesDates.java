package io.vitrine.calendar.internal;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/**
 * The United States. Federal holidays: 5 U.S.C. 6103(a) (uscode.house.gov); a holiday falling on a
 * Saturday is observed the Friday before, on a Sunday the Monday after (5 U.S.C. 6103(b) and
 * Executive Order 11582). Mother's Day: 36 U.S.C. 117; Father's Day: 36 U.S.C. 109.
 */
final class UnitedStatesDates {

	private UnitedStatesDates() {
	}

	static List<NotableDate> of(int year) {
		Days d = new Days(year, Country.US);
		fixed(d, "new-years-day", d.on(Month.JANUARY, 1));
		if (year >= 1986) { // first observed in 1986 (Pub. L. 98-144)
			d.holiday("martin-luther-king-day", d.nth(3, DayOfWeek.MONDAY, Month.JANUARY));
		}
		d.holiday("washingtons-birthday", d.nth(3, DayOfWeek.MONDAY, Month.FEBRUARY))
			.holiday("memorial-day", d.last(DayOfWeek.MONDAY, Month.MAY));
		if (year >= 2021) { // Juneteenth National Independence Day Act, Pub. L. 117-17 (2021)
			fixed(d, "juneteenth", d.on(Month.JUNE, 19));
		}
		fixed(d, "independence-day", d.on(Month.JULY, 4));
		d.holiday("labor-day", d.nth(1, DayOfWeek.MONDAY, Month.SEPTEMBER))
			.holiday("columbus-day", d.nth(2, DayOfWeek.MONDAY, Month.OCTOBER));
		fixed(d, "veterans-day", d.on(Month.NOVEMBER, 11));
		d.holiday("thanksgiving", d.nth(4, DayOfWeek.THURSDAY, Month.NOVEMBER));
		fixed(d, "christmas", d.on(Month.DECEMBER, 25));
		d.observance("mothers-day", d.nth(2, DayOfWeek.SUNDAY, Month.MAY))
			.observance("fathers-day", d.nth(3, DayOfWeek.SUNDAY, Month.JUNE))
			.observance("halloween", d.on(Month.OCTOBER, 31));
		return d.commonObservances().list();
	}

	private static void fixed(Days d, String key, LocalDate date) {
		d.holiday(key, date);
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
			d.substitute(key, date.minusDays(1));
		}
		else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			d.substitute(key, date.plusDays(1));
		}
	}
}
