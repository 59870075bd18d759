package io.vitrine.calendar;

import io.vitrine.calendar.internal.NotableDateRules;
import io.vitrine.shared.InvalidInput;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The notable dates of some countries between two days, computed (nothing is stored). */
public final class NotableDates {

	/** Rules are written for the Gregorian calendar; far years are refused rather than guessed. */
	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2200;

	public static final int MAX_DAYS = 400;

	private NotableDates() {
	}

	/** From {@code from} included to {@code to} excluded, sorted by date then country. */
	public static List<NotableDate> between(LocalDate from, LocalDate to, Collection<Country> countries) {
		if (!to.isAfter(from)) {
			throw InvalidInput.of("to", "after", "must be after from");
		}
		if (from.getYear() < FIRST_YEAR || to.getYear() > LAST_YEAR) {
			throw InvalidInput.of("from", "range", "dates must lie between " + FIRST_YEAR + " and " + LAST_YEAR);
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw InvalidInput.of("to", "range", "at most " + MAX_DAYS + " days after from");
		}
		List<NotableDate> found = new ArrayList<>();
		for (Country country : countries) {
			// A year's substitute day can fall in the year before (US: 1 January on a Saturday).
			for (int year = from.getYear() - 1; year <= to.getYear() + 1; year++) {
				NotableDateRules.of(country, year).stream()
					.filter(d -> !d.date().isBefore(from) && d.date().isBefore(to))
					.forEach(found::add);
			}
		}
		found.sort(Comparator.comparing(NotableDate::date).thenComparing(NotableDate::country)
			.thenComparing(NotableDate::substitute));
		return found;
	}

	public static List<NotableDate> ofYear(Country country, int year) {
		return between(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), List.of(country));
	}
}
