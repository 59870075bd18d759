package io.vitrine.calendar.internal;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The few shapes every country's rules are written in: fixed days, "n-th Monday of", Easter offsets. */
final class Days {

	private final int year;

	private final Country country;

	private final List<NotableDate> dates = new ArrayList<>();

	Days(int year, Country country) {
		this.year = year;
		this.country = country;
	}

	int year() {
		return year;
	}

	LocalDate on(Month month, int day) {
		return LocalDate.of(year, month, day);
	}

	/** The n-th (1-based) given weekday of a month: "the fourth Thursday of November". */
	LocalDate nth(int n, DayOfWeek day, Month month) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
	}

	LocalDate last(DayOfWeek day, Month month) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(day));
	}

	LocalDate easterPlus(int days) {
		return Easter.sunday(year).plusDays(days);
	}

	Days holiday(String key, LocalDate date) {
		dates.add(new NotableDate(date, country, key, NotableDate.Kind.PUBLIC_HOLIDAY, false));
		return this;
	}

	Days observance(String key, LocalDate date) {
		dates.add(new NotableDate(date, country, key, NotableDate.Kind.OBSERVANCE, false));
		return this;
	}

	Days substitute(String key, LocalDate date) {
		dates.add(new NotableDate(date, country, key, NotableDate.Kind.PUBLIC_HOLIDAY, true));
		return this;
	}

	/** Days marked in all four countries (and most of the world). */
	Days commonObservances() {
		// International Women's Day: 8 March, adopted by the UN in 1977 (General Assembly resolution 32/142).
		observance("womens-day", on(Month.MARCH, 8));
		observance("valentines-day", on(Month.FEBRUARY, 14));
		// Black Friday: the Friday after US Thanksgiving (fourth Thursday of November), a retail date
		// everywhere now.
		observance("black-friday", nth(4, DayOfWeek.THURSDAY, Month.NOVEMBER).plusDays(1));
		observance("cyber-monday", nth(4, DayOfWeek.THURSDAY, Month.NOVEMBER).plusDays(4));
		observance("new-years-eve", on(Month.DECEMBER, 31));
		return this;
	}

	List<NotableDate> list() {
		return List.copyOf(dates);
	}

	static boolean weekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
