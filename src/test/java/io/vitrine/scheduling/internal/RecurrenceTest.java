package io.vitrine.scheduling.internal;

import io.vitrine.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static List<String> days(Recurrence r) {
		return r.days().stream().map(LocalDate::toString).toList();
	}

	private static Recurrence daily(String start, int every, String until, Integer count) {
		return Recurrence.of(LocalDateTime.parse(start), PARIS, every, Recurrence.Unit.DAYS, Set.of(),
				until == null ? null : LocalDate.parse(until), count);
	}

	@Test
	void every_two_days_until_a_date_includes_the_until_day_when_it_falls_on_the_rhythm() {
		assertThat(days(daily("2026-12-01T09:00", 2, "2026-12-07", null))).containsExactly("2026-12-01", "2026-12-03", "2026-12-05",
				"2026-12-07");
		assertThat(days(daily("2026-12-01T09:00", 2, "2026-12-06", null))).containsExactly("2026-12-01", "2026-12-03", "2026-12-05");
	}

	@Test
	void a_count_gives_exactly_that_many_occurrences() {
		assertThat(days(daily("2026-12-01T09:00", 3, null, 4))).containsExactly("2026-12-01", "2026-12-04", "2026-12-07", "2026-12-10");
	}

	@Test
	void weekly_on_chosen_weekdays_every_two_weeks_counts_weeks_from_the_first_ones() {
		// Wednesday 2 December 2026: that week's Thursday, then Monday and Thursday every other week.
		Recurrence r = Recurrence.of(LocalDateTime.parse("2026-12-02T18:00"), PARIS, 2, Recurrence.Unit.WEEKS,
				EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null, 5);
		assertThat(days(r)).containsExactly("2026-12-03", "2026-12-14", "2026-12-17", "2026-12-28", "2026-12-31");
	}

	@Test
	void weekly_without_weekdays_repeats_on_the_first_days_weekday() {
		Recurrence r = Recurrence.of(LocalDateTime.parse("2027-01-31T09:00"), PARIS, 1, Recurrence.Unit.WEEKS, Set.of(),
				LocalDate.parse("2027-02-28"), null);
		assertThat(days(r)).containsExactly("2027-01-31", "2027-02-07", "2027-02-14", "2027-02-21", "2027-02-28");
	}

	@Test
	void daily_posts_run_over_month_ends_and_the_leap_day() {
		assertThat(days(daily("2027-01-30T09:00", 1, null, 4))).containsExactly("2027-01-30", "2027-01-31", "2027-02-01", "2027-02-02");
		assertThat(days(daily("2028-02-27T09:00", 1, "2028-03-01", null))).containsExactly("2028-02-27", "2028-02-28", "2028-02-29",
				"2028-03-01");
		assertThat(days(daily("2027-02-27T09:00", 1, "2027-03-01", null))).containsExactly("2027-02-27", "2027-02-28", "2027-03-01");
	}

	@Test
	void every_occurrence_keeps_its_wall_clock_time_across_a_daylight_saving_change() {
		List<Instant> instants = daily("2027-03-27T09:00", 1, null, 2).instants();
		assertThat(instants).containsExactly(Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-28T07:00:00Z"));
	}

	@Test
	void more_occurrences_than_a_person_can_review_are_refused() {
		assertThatThrownBy(() -> daily("2026-12-01T09:00", 1, "2028-12-31", null).instants()).isInstanceOf(InvalidInput.class)
			.extracting(e -> ((InvalidInput) e).problems().getFirst().rule()).isEqualTo("max-occurrences");
	}

	@Test
	void a_rule_names_each_wrong_field() {
		assertThatThrownBy(() -> daily("2026-12-01T09:00", 0, "2026-11-01", 3)).isInstanceOf(InvalidInput.class)
			.extracting(e -> ((InvalidInput) e).problems().stream().map(p -> p.field() + ":" + p.rule()).toList())
			.isEqualTo(List.of("every:range", "until:one-of", "until:after-start"));
		assertThatThrownBy(() -> Recurrence.of(LocalDateTime.parse("2026-12-01T09:00"), PARIS, 1, Recurrence.Unit.DAYS,
				Set.of(DayOfWeek.MONDAY), null, 2)).isInstanceOf(InvalidInput.class)
			.extracting(e -> ((InvalidInput) e).problems().getFirst().rule()).isEqualTo("weeks-only");
	}
}
