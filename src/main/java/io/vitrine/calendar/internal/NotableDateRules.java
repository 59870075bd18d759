package io.vitrine.calendar.internal;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDate;

import java.util.List;

/** Each country's rules for one year. */
public final class NotableDateRules {

	private NotableDateRules() {
	}

	public static List<NotableDate> of(Country country, int year) {
		return switch (country) {
			case FR -> FranceDates.of(year);
			case US -> UnitedStatesDates.of(year);
			case CA -> CanadaDates.of(year);
			case GB -> UnitedKingdomDates.of(year);
		};
	}
}
