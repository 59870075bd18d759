package io.vitrine.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;

/** Turns what a person typed (a wall-clock time in a zone) into an instant, refusing the ambiguous. */
public final class Zones {

	private Zones() {
	}

	public static ZoneId parse(String field, String zone) {
		try {
			if (zone == null || zone.isBlank() || !ZoneId.getAvailableZoneIds().contains(zone)) {
				throw new DateTimeException(zone);
			}
			return ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			throw InvalidInput.of(field, "iana-zone", "must be an IANA time zone such as Europe/Paris, got '" + zone + "'");
		}
	}

	/**
	 * A wall-clock time that falls in a daylight-saving gap does not exist and is refused; one that
	 * occurs twice (the autumn overlap) resolves to the earlier instant, as documented in the README.
	 */
	public static Instant resolve(String field, LocalDateTime local, ZoneId zone) {
		ZoneOffsetTransition transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
			throw InvalidInput.of(field, "nonexistent-local-time",
					"%s does not exist on %s in %s: clocks jump from %s to %s".formatted(hm.format(local),
							local.toLocalDate(), zone, hm.format(transition.getDateTimeBefore()),
							hm.format(transition.getDateTimeAfter())));
		}
		return ZonedDateTime.ofLocal(local, zone, null).toInstant();
	}
}
