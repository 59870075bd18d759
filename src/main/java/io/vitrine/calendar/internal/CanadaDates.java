package io.vitrine.calendar.internal;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/**
 * Canada, federal level. General holidays: Canada Labour Code, section 166 (laws-lois.justice.gc.ca),
 * and the Holidays Act (Canada Day on 2 July when 1 July is a Sunday; Victoria Day on the Monday
 * before 25 May; Remembrance Day). Easter Monday is a holiday of the federal public service only;
 * provincial days (Family Day, Saint-Jean-Baptiste...) are left out. Mother's and Father's Day
 * follow the US custom: second Sunday of May, third Sunday of June.
 */
final class CanadaDates {

	private CanadaDates() {
	}

	static List<NotableDate> of(int year) {
		Days d = new Days(year, Country.CA);
		LocalDate canadaDay = d.on(Month.JULY, 1);
		d.holiday("new-years-day", d.on(Month.JANUARY, 1))
			.holiday("good-friday", d.easterPlus(-2))
			.holiday("easter-monday", d.easterPlus(1))
			.holiday("victoria-day", d.on(Month.MAY, 24).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
			.holiday("canada-day", canadaDay.getDayOfWeek() == DayOfWeek.SUNDAY ? canadaDay.plusDays(1) : canadaDay)
			.holiday("labour-day", d.nth(1, DayOfWeek.MONDAY, Month.SEPTEMBER));
		if (d.year() >= 2021) { // An Act to amend the Bills of Exchange Act... (S.C. 2021, c. 11)
			d.holiday("truth-and-reconciliation-day", d.on(Month.SEPTEMBER, 30));
		}
		d.holiday("thanksgiving", d.nth(2, DayOfWeek.MONDAY, Month.OCTOBER))
			.holiday("remembrance-day", d.on(Month.NOVEMBER, 11))
			.holiday("christmas", d.on(Month.DECEMBER, 25))
			.holiday("boxing-day", d.on(Month.DECEMBER, 26))
			.observance("mothers-day", d.nth(2, DayOfWeek.SUNDAY, Month.MAY))
			.observance("fathers-day", d.nth(3, DayOfWeek.SUNDAY, Month.JUNE))
			.observance("halloween", d.on(Month.OCTOBER, 31));
		return d.commonObservances().list();
	}
}
