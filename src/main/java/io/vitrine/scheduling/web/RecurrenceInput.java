package io.vitrine.scheduling.web;

import io.vitrine.scheduling.internal.Recurrence;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.Zones;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a recurrence as the API and the page send it, naming each wrong field. */
final class RecurrenceInput {

	private RecurrenceInput() {
	}

	static Recurrence read(String start, String timeZone, Integer every, String unit, List<String> weekdays, String until, Integer count,
			ZoneId workspaceZone) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		ZoneId zone = workspaceZone;
		try {
			zone = timeZone == null || timeZone.isBlank() ? workspaceZone : Zones.parse("timeZone", timeZone.strip());
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		LocalDateTime first = null;
		try {
			first = LocalDateTime.parse(start == null ? "" : start.strip());
		}
		catch (DateTimeParseException e) {
			problems.add(new InvalidInput.Problem("start", "datetime", "must be a wall-clock date-time such as 2026-12-01T09:00"));
		}
		LocalDate last = null;
		if (until != null && !until.isBlank()) {
			try {
				last = LocalDate.parse(until.strip());
			}
			catch (DateTimeParseException e) {
				problems.add(new InvalidInput.Problem("until", "date", "must be a date such as 2027-01-31"));
			}
		}
		Recurrence.Unit u = null;
		try {
			u = Recurrence.Unit.parse(unit);
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (int i = 0; weekdays != null && i < weekdays.size(); i++) {
			try {
				days.add(DayOfWeek.valueOf(weekdays.get(i).strip().toUpperCase(Locale.ROOT)));
			}
			catch (RuntimeException e) {
				problems.add(new InvalidInput.Problem("weekdays[" + i + "]", "weekday", "must be a weekday such as MONDAY"));
			}
		}
		if (every == null) {
			problems.add(new InvalidInput.Problem("every", "required", "is required: every how many days or weeks"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return Recurrence.of(first, zone, every, u, days, last, count);
	}
}
