package io.vitrine.calendar.internal;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/**
 * The United Kingdom, England and Wales (Scotland and Northern Ireland add their own days). Bank
 * holidays: Banking and Financial Dealings Act 1971, Schedule 1, and the yearly list on
 * gov.uk/bank-holidays, including substitute days when a holiday falls on a weekend. One-off
 * proclamations (2012 and 2022 jubilees, 2020 VE Day, 2022 state funeral, 2023 coronation) are
 * not rules and are not computed. Mothering Sunday: the fourth Sunday of Lent, three weeks before
 * Easter.
 */
final class UnitedKingdomDates {

	private UnitedKingdomDates() {
	}

	static List<NotableDate> of(int year) {
		Days d = new Days(year, Country.GB);
		LocalDate newYear = d.on(Month.JANUARY, 1);
		d.holiday("new-years-day", newYear);
		if (Days.weekend(newYear)) {
			d.substitute("new-years-day", newYear.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY)));
		}
		d.holiday("good-friday", d.easterPlus(-2))
			.holiday("easter-monday", d.easterPlus(1));
		if (year >= 1978) { // the early May bank holiday was added in 1978
			d.holiday("early-may-bank-holiday", d.nth(1, DayOfWeek.MONDAY, Month.MAY));
		}
		d.holiday("spring-bank-holiday", d.last(DayOfWeek.MONDAY, Month.MAY))
			.holiday("summer-bank-holiday", d.last(DayOfWeek.MONDAY, Month.AUGUST));
		christmasAndBoxingDay(d);
		d.observance("mothers-day", d.easterPlus(-21))
			.observance("fathers-day", d.nth(3, DayOfWeek.SUNDAY, Month.JUNE))
			.observance("halloween", d.on(Month.OCTOBER, 31))
			.observance("bonfire-night", d.on(Month.NOVEMBER, 5));
		return d.commonObservances().list();
	}

	/** Weekend Christmas and Boxing Days move to the next free weekdays (gov.uk's substitute days). */
	private static void christmasAndBoxingDay(Days d) {
		LocalDate christmas = d.on(Month.DECEMBER, 25);
		LocalDate boxing = d.on(Month.DECEMBER, 26);
		d.holiday("christmas", christmas).holiday("boxing-day", boxing);
		LocalDate free = d.on(Month.DECEMBER, 27);
		for (var day : List.of(christmas, boxing)) {
			if (Days.weekend(day)) {
				while (Days.weekend(free)) {
					free = free.plusDays(1);
				}
				d.substitute(day.equals(christmas) ? "christmas" : "boxing-day", free);
				free = free.plusDays(1);
			}
		}
	}
}
