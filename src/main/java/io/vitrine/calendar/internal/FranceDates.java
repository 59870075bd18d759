package io.vitrine.calendar.internal;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDate;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.List;

/**
 * France. Public holidays: Code du travail, article L3133-1 (legifrance.gouv.fr), which lists the
 * eleven "fêtes légales"; France has no substitute days when one falls on a weekend. Alsace-Moselle's
 * extra days (Good Friday, 26 December) are regional and left out.
 */
final class FranceDates {

	private FranceDates() {
	}

	static List<NotableDate> of(int year) {
		Days d = new Days(year, Country.FR);
		d.holiday("new-years-day", d.on(Month.JANUARY, 1))
			.holiday("easter-monday", d.easterPlus(1))
			.holiday("labour-day", d.on(Month.MAY, 1))
			.holiday("victory-1945", d.on(Month.MAY, 8))
			.holiday("ascension", d.easterPlus(39))
			.holiday("whit-monday", d.easterPlus(50))
			.holiday("bastille-day", d.on(Month.JULY, 14))
			.holiday("assumption", d.on(Month.AUGUST, 15))
			.holiday("all-saints", d.on(Month.NOVEMBER, 1))
			.holiday("armistice-1918", d.on(Month.NOVEMBER, 11))
			.holiday("christmas", d.on(Month.DECEMBER, 25));
		// Fête des mères: last Sunday of May, moved to the first Sunday of June when that Sunday is
		// Pentecost (Code de l'action sociale et des familles, article D215-1).
		var mothers = d.last(DayOfWeek.SUNDAY, Month.MAY);
		d.observance("mothers-day", mothers.equals(d.easterPlus(49)) ? mothers.plusWeeks(1) : mothers);
		// Fête des pères: third Sunday of June, by custom since the 1950s (no text fixes it).
		d.observance("fathers-day", d.nth(3, DayOfWeek.SUNDAY, Month.JUNE));
		d.observance("fete-de-la-musique", d.on(Month.JUNE, 21));
		return d.commonObservances().list();
	}
}
