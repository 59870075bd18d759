package io.vitrine.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * One target on the calendar. {@code start} is the wall-clock time in {@code zone}, the account's
 * zone (else the workspace's), so that a post for 09:00 in Montreal shows at 09:00 whatever the
 * viewer's zone; {@code dueAt} is the exact instant.
 */
public record CalendarEvent(UUID targetId, UUID postId, UUID accountId, String network, String networkName,
		String account, String zone, String start, Instant dueAt, String state, String preview, boolean movable,
		String url, String category, String categoryColor, String campaign) {
}
