package io.vitrine.publishing.internal;

import io.vitrine.publishing.PostDraft;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.Zones;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads "when" as people and clients write it: an exact instant with its offset
 * ("2026-03-29T07:00:00Z"), or a wall-clock time ("2026-03-29T09:00") in a zone.
 */
public final class ScheduleParser {

	private ScheduleParser() {
	}

	public static PostDraft.When parse(String publish, String scheduledAt, String timeZone, ZoneId defaultZone) {
		String mode = publish == null || publish.isBlank() ? (scheduledAt == null || scheduledAt.isBlank() ? "draft" : "schedule")
				: publish.strip().toLowerCase();
		return switch (mode) {
			case "draft" -> new PostDraft.AsDraft();
			case "now" -> new PostDraft.Now();
			case "schedule" -> at(scheduledAt, timeZone, defaultZone);
			default -> throw InvalidInput.of("publish", "one-of", "must be one of draft, now, schedule");
		};
	}

	public static PostDraft.At at(String scheduledAt, String timeZone, ZoneId defaultZone) {
		if (scheduledAt == null || scheduledAt.isBlank()) {
			throw InvalidInput.of("scheduledAt", "required", "is required to schedule a post");
		}
		ZoneId zone = timeZone == null || timeZone.isBlank() ? defaultZone : Zones.parse("timeZone", timeZone.strip());
		String value = scheduledAt.strip();
		try {
			return new PostDraft.At(OffsetDateTime.parse(value).toInstant(), zone);
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				return new PostDraft.At(Zones.resolve("scheduledAt", LocalDateTime.parse(value), zone), zone);
			}
			catch (DateTimeParseException e) {
				throw InvalidInput.of("scheduledAt", "datetime",
						"must be an ISO-8601 date-time such as 2026-03-29T09:00 (in timeZone) or 2026-03-29T07:00:00Z");
			}
		}
	}
}
