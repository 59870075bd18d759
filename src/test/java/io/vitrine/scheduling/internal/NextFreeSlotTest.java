package io.vitrine.scheduling.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NextFreeSlotTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static List<Slot> everyDayAt(String... times) {
		List<Slot> slots = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			Arrays.stream(times).forEach(t -> slots.add(new Slot(day, LocalTime.parse(t))));
		}
		return slots;
	}

	/** Queues {@code count} posts one after the other, as "add to queue" would, and returns their local times. */
	private static List<ZonedDateTime> queue(int count, List<Slot> slots, ZoneId zone, Integer cap, Instant after, List<Instant> planned) {
		List<Instant> taken = new ArrayList<>(planned);
		List<ZonedDateTime> queued = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Instant next = NextFreeSlot.after(after, slots, zone, cap, taken).orElseThrow();
			taken.add(next);
			queued.add(next.atZone(zone));
		}
		return queued;
	}

	@ParameterizedTest(name = "{0}, clocks change on {1}")
	@CsvSource({ "Europe/Paris, 2027-03-28", "Europe/Paris, 2027-10-31", "Europe/London, 2027-03-28", "Europe/London, 2027-10-31",
			"America/New_York, 2027-03-14", "America/New_York, 2027-11-07", "America/Toronto, 2027-03-14",
			"America/Toronto, 2027-11-07" })
	void a_0900_slot_stays_0900_local_on_the_day_before_the_day_of_and_the_day_after_a_daylight_saving_change(String zoneId,
			LocalDate change) {
		ZoneId zone = ZoneId.of(zoneId);
		Instant after = change.minusDays(1).atStartOfDay(zone).toInstant();
		List<ZonedDateTime> queued = queue(3, everyDayAt("09:00"), zone, null, after, List.of());
		assertThat(queued).extracting(ZonedDateTime::toLocalTime).containsOnly(LocalTime.of(9, 0));
		assertThat(queued).extracting(ZonedDateTime::toLocalDate).containsExactly(change.minusDays(1), change, change.plusDays(1));
		assertThat(queued.get(0).getOffset()).isNotEqualTo(queued.get(2).getOffset());
	}

	@Test
	void a_slot_in_the_spring_gap_is_moved_later_by_the_length_of_the_gap() {
		Instant paris = NextFreeSlot.after(Instant.parse("2027-03-27T23:00:00Z"), everyDayAt("02:30"), PARIS, null, List.of()).orElseThrow();
		assertThat(paris.atZone(PARIS).toLocalDateTime()).hasToString("2027-03-28T03:30");
		Instant newYork = NextFreeSlot.after(Instant.parse("2027-03-14T05:00:00Z"), everyDayAt("02:30"), NEW_YORK, null, List.of())
			.orElseThrow();
		assertThat(newYork).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
		assertThat(newYork.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
	}

	@Test
	void a_slot_in_the_autumn_overlap_takes_its_first_occurrence_and_never_gives_two_posts_that_night() {
		List<ZonedDateTime> newYork = queue(2, everyDayAt("01:30"), NEW_YORK, null, Instant.parse("2027-11-07T04:00:00Z"), List.of());
		assertThat(newYork.get(0).toInstant()).isEqualTo(Instant.parse("2027-11-07T05:30:00Z")); // 01:30 EDT, the first one
		assertThat(newYork.get(1).toLocalDateTime()).hasToString("2027-11-08T01:30");
		List<ZonedDateTime> london = queue(2, everyDayAt("01:30"), LONDON, null, Instant.parse("2027-10-30T23:00:00Z"), List.of());
		assertThat(london.get(0).toInstant()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z")); // 01:30 BST
		assertThat(london.get(1).toLocalDate()).isEqualTo(LocalDate.parse("2027-11-01"));
	}

	@Test
	void a_slot_another_post_already_holds_is_skipped() {
		Instant after = Instant.parse("2026-12-01T06:00:00Z");
		Instant nine = Instant.parse("2026-12-01T08:00:00Z");
		Optional<Instant> next = NextFreeSlot.after(after, everyDayAt("09:00", "12:30"), PARIS, null, List.of(nine));
		assertThat(next).contains(Instant.parse("2026-12-01T11:30:00Z"));
	}

	@Test
	void slots_beyond_the_daily_cap_are_skipped_and_every_post_of_the_day_counts_toward_it() {
		Instant after = Instant.parse("2026-12-01T06:00:00Z"); // 07:00 in Paris
		Instant fixedAtThree = ZonedDateTime.parse("2026-12-01T15:00+01:00[Europe/Paris]").toInstant();
		List<ZonedDateTime> queued = queue(3, everyDayAt("09:00", "12:30", "18:00"), PARIS, 2, after, List.of(fixedAtThree));
		assertThat(queued).extracting(z -> z.toLocalDateTime().toString())
			.containsExactly("2026-12-01T09:00", "2026-12-02T09:00", "2026-12-02T12:30");
	}

	@Test
	void slots_on_some_weekdays_only_skip_the_other_days() {
		List<Slot> weekdays = List.of(new Slot(DayOfWeek.MONDAY, LocalTime.of(9, 0)), new Slot(DayOfWeek.FRIDAY, LocalTime.of(17, 45)));
		// Tuesday 1 December 2026
		List<ZonedDateTime> queued = queue(3, weekdays, PARIS, null, Instant.parse("2026-12-01T06:00:00Z"), List.of());
		assertThat(queued).extracting(z -> z.toLocalDateTime().toString())
			.containsExactly("2026-12-04T17:45", "2026-12-07T09:00", "2026-12-11T17:45");
	}

	@Test
	void a_slot_earlier_today_than_now_is_not_offered() {
		Optional<Instant> next = NextFreeSlot.after(Instant.parse("2026-12-01T10:00:00Z"), everyDayAt("09:00"), PARIS, null, List.of());
		assertThat(next).contains(Instant.parse("2026-12-02T08:00:00Z"));
	}

	@Test
	void no_slots_or_a_queue_full_for_a_year_offers_nothing() {
		Instant after = Instant.parse("2026-12-01T10:00:00Z");
		assertThat(NextFreeSlot.after(after, List.of(), PARIS, null, List.of())).isEmpty();
		List<Instant> fullYear = new ArrayList<>();
		for (int d = 0; d <= NextFreeSlot.HORIZON_DAYS + 1; d++) {
			fullYear.add(LocalDate.parse("2026-12-01").plusDays(d).atTime(9, 0).atZone(PARIS).toInstant());
		}
		assertThat(NextFreeSlot.after(after, everyDayAt("09:00"), PARIS, 1, fullYear)).isEmpty();
	}
}
