package io.vitrine.scheduling.internal;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvergreenGapTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static List<Slot> everyDayAt(int hour) {
		List<Slot> slots = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			slots.add(new Slot(day, LocalTime.of(hour, 0)));
		}
		return slots;
	}

	@Test
	void the_next_copy_waits_for_the_gap_after_the_previous_publication() {
		Instant published = Instant.parse("2026-12-01T08:00:00Z");
		Instant now = Instant.parse("2026-12-01T08:01:00Z");
		assertThat(EvergreenRequeue.earliestNext(published, Duration.ofDays(30), now)).isEqualTo(Instant.parse("2026-12-31T08:00:00Z"));
	}

	@Test
	void a_gap_already_over_means_the_next_free_slot_from_now() {
		Instant published = Instant.parse("2026-10-01T08:00:00Z");
		Instant now = Instant.parse("2026-12-01T08:01:00Z");
		assertThat(EvergreenRequeue.earliestNext(published, Duration.ofDays(7), now)).isEqualTo(now);
	}

	@Test
	void a_slot_exactly_at_the_end_of_the_gap_may_take_the_copy_but_none_before() {
		Instant published = Instant.parse("2026-12-01T08:00:00Z"); // 09:00 in Paris
		Instant earliest = EvergreenRequeue.earliestNext(published, Duration.ofDays(2), Instant.parse("2026-12-01T08:00:01Z"));
		assertThat(NextFreeSlot.after(earliest.minusNanos(1), everyDayAt(9), PARIS, null, List.of()))
			.contains(Instant.parse("2026-12-03T08:00:00Z"));
		assertThat(NextFreeSlot.after(earliest.minusNanos(1), everyDayAt(8), PARIS, null, List.of()))
			.contains(Instant.parse("2026-12-04T07:00:00Z"));
	}
}
