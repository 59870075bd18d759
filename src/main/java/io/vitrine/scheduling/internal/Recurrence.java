package io.vitrine.scheduling.internal;

import io.vitrine.shared.InvalidInput;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Every N days", or "every N weeks on these weekdays", from a first wall-clock time, until a date
 * (inclusive) or a number of times. Each occurrence keeps the first one's wall-clock time in the
 * zone, whatever the daylight-saving changes in between (see {@link WallClock}).
 */
public record Recurrence(LocalDateTime start, ZoneId zone, int every, Unit unit, Set<DayOfWeek> weekdays, LocalDate until,
		Integer count) {

	/** A series is expanded at once (see RecurringSeries), so it must stay a size a person can review. */
	public static final int MAX_OCCURRENCES = 366;

	public static final int MAX_EVERY = 52;

	public enum Unit {
		DAYS, WEEKS;

		public static Unit parse(String value) {
			if (value != null) {
				for (Unit u : values()) {
					if (u.name().equalsIgnoreCase(value.strip())) {
						return u;
					}
				}
			}
			throw InvalidInput.of("unit", "one-of", "must be one of days, weeks");
		}
	}

	/** Checks the rule and names each wrong field; weekly rules without weekdays take the start's. */
	public static Recurrence of(LocalDateTime start, ZoneId zone, int every, Unit unit, Set<DayOfWeek> weekdays, LocalDate until,
			Integer count) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (every < 1 || every > MAX_EVERY) {
			problems.add(new InvalidInput.Problem("every", "range", "must be between 1 and " + MAX_EVERY));
		}
		if ((until == null) == (count == null)) {
			problems.add(new InvalidInput.Problem("until", "one-of", "give either an end date (until) or a number of times (count)"));
		}
		if (count != null && (count < 1 || count > MAX_OCCURRENCES)) {
			problems.add(new InvalidInput.Problem("count", "range", "must be between 1 and " + MAX_OCCURRENCES));
		}
		if (until != null && until.isBefore(start.toLocalDate())) {
			problems.add(new InvalidInput.Problem("until", "after-start", "must not be before the first date " + start.toLocalDate()));
		}
		Set<DayOfWeek> days = weekdays == null || weekdays.isEmpty() ? EnumSet.of(start.getDayOfWeek()) : EnumSet.copyOf(weekdays);
		if (unit == Unit.DAYS && weekdays != null && !weekdays.isEmpty()) {
			problems.add(new InvalidInput.Problem("weekdays", "weeks-only", "weekdays apply to a weekly rule only"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Recurrence(start, zone, every, unit, days, until, count);
	}

	/** The occurrences' instants, in order; refused when there would be more than {@link #MAX_OCCURRENCES}. */
	public List<Instant> instants() {
		List<Instant> instants = new ArrayList<>();
		for (LocalDate day : days()) {
			instants.add(WallClock.at(day, start.toLocalTime(), zone));
		}
		return instants;
	}

	List<LocalDate> days() {
		List<LocalDate> days = new ArrayList<>();
		LocalDate first = start.toLocalDate();
		LocalDate firstMonday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (LocalDate day = first; more(days, day); day = day.plusDays(unit == Unit.DAYS ? every : 1)) {
			boolean on = unit == Unit.DAYS || (weekdays.contains(day.getDayOfWeek())
					&& ChronoUnit.WEEKS.between(firstMonday, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) % every == 0);
			if (on) {
				if (days.size() == MAX_OCCURRENCES) {
					throw InvalidInput.of("until", "max-occurrences", "gives more than " + MAX_OCCURRENCES
							+ " posts; choose an earlier end date or a number of times");
				}
				days.add(day);
			}
		}
		return days;
	}

	private boolean more(List<LocalDate> days, LocalDate day) {
		return until != null ? !day.isAfter(until) : days.size() < count;
	}

	/** How the rule reads back, e.g. "every 2 weeks on MONDAY,THURSDAY at 09:00 Europe/Paris from 2026-12-01, 10 times". */
	public String describe() {
		String on = unit == Unit.WEEKS ? " on " + weekdays.stream().map(DayOfWeek::name).collect(Collectors.joining(",")) : "";
		String end = until != null ? " until " + until : ", " + count + " times";
		return "every " + every + " " + unit.name().toLowerCase(Locale.ROOT) + on + " at " + start.toLocalTime() + " " + zone.getId()
				+ " from " + start.toLocalDate() + end;
	}
}
