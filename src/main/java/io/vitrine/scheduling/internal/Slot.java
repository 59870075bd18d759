package io.vitrine.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;

/** A posting slot: a weekday and a wall-clock time in the account's zone, never an instant. */
public record Slot(DayOfWeek day, LocalTime time) implements Comparable<Slot> {

	private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::day).thenComparing(Slot::time);

	public Slot {
		time = time.withSecond(0).withNano(0);
	}

	@Override
	public int compareTo(Slot other) {
		return ORDER.compare(this, other);
	}
}
