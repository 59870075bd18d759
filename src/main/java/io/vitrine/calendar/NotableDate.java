package io.vitrine.calendar;

import java.time.LocalDate;

/**
 * A day worth planning content for. {@code key} names it for translation (messages
 * {@code notable.<key>}); a substitute day is the weekday off given when the holiday falls on a
 * weekend, shown beside the holiday itself.
 */
public record NotableDate(LocalDate date, Country country, String key, Kind kind, boolean substitute) {

	public enum Kind {
		/** A day off by law or proclamation. */
		PUBLIC_HOLIDAY,
		/** A day people mark without a day off: Mother's Day, Black Friday... */
		OBSERVANCE
	}
}
