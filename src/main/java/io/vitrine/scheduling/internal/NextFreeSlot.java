package io.vitrine.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an account's next free slot: the first slot instant after a moment that no planned post of
 * the account already holds, on a day (in the account's zone) that has not reached the daily cap.
 * Pure: the caller reads the account's planned posts and passes their due times.
 */
public final class NextFreeSlot {

	/** How far ahead a slot is looked for: a queue full for a year is a mistake worth telling about. */
	public static final int HORIZON_DAYS = 366;

	private NextFreeSlot() {
	}

	/**
	 * @param after the slot must be strictly later than this
	 * @param dailyCap at most this many posts on one local day, counting every planned post of the
	 *        account that day (queued or not); null means no cap
	 * @param planned due times of the account's planned posts (neither cancelled nor failed)
	 */
	public static Optional<Instant> after(Instant after, List<Slot> slots, ZoneId zone, Integer dailyCap,
			Collection<Instant> planned) {
		if (slots.isEmpty()) {
			return Optional.empty();
		}
		List<Slot> ordered = slots.stream().sorted().toList();
		Set<Instant> taken = new HashSet<>(planned);
		Map<LocalDate, Integer> perDay = new HashMap<>();
		for (Instant p : planned) {
			perDay.merge(LocalDate.ofInstant(p, zone), 1, Integer::sum);
		}
		LocalDate first = LocalDate.ofInstant(after, zone);
		for (int d = 0; d <= HORIZON_DAYS; d++) {
			LocalDate day = first.plusDays(d);
			if (dailyCap != null && perDay.getOrDefault(day, 0) >= dailyCap) {
				continue;
			}
			for (Slot slot : ordered) {
				if (slot.day() != day.getDayOfWeek()) {
					continue;
				}
				Instant at = WallClock.at(day, slot.time(), zone);
				if (at.isAfter(after) && !taken.contains(at)) {
					return Optional.of(at);
				}
			}
		}
		return Optional.empty();
	}
}
