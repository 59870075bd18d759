package io.vitrine.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns a day and a wall-clock time into the instant it happens in a zone, the same way for queue
 * slots and recurring occurrences, so that 09:00 stays 09:00 local across daylight-saving changes.
 */
public final class WallClock {

	private WallClock() {
	}

	/**
	 * Uses {@link ZonedDateTime#of(LocalDate, LocalTime, ZoneId)}'s documented resolution:
	 * <ul>
	 * <li>a time in the spring gap does not exist and is moved later by the length of the gap
	 * (02:30 on the night clocks jump from 02:00 to 03:00 becomes 03:30): a slot or a recurrence
	 * is a standing rule, so one missing night should not refuse the whole rule, and the post
	 * still goes out that day, as close to its time as the clock allows;</li>
	 * <li>a time in the autumn overlap happens twice and the earlier offset is kept: one slot is
	 * one instant, so the overlap never produces two posts.</li>
	 * </ul>
	 */
	public static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
		return ZonedDateTime.of(day, time, zone).toInstant();
	}
}
