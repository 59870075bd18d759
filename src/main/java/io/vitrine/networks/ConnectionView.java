package io.vitrine.networks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A connected account as the rest of Vitrine sees it: never any credential.
 *
 * @param accessEndsAt when the account's access ends unless its owner reconnects (a token no refresh renews), or null
 */
public record ConnectionView(UUID id, UUID workspaceId, NetworkId network, String serverUrl, String handle,
		String displayName, ZoneId timeZoneOverride, ConnectionStatus status, String statusReason, NetworkLimits limits,
		Instant pausedUntil, Instant accessEndsAt) {

	/** How long ahead people are told that an account's access is about to end. */
	public static final Duration ACCESS_ENDING_NOTICE = Duration.ofDays(14);

	/** Whether to tell people now that the access ends soon (or has ended) and the account must be reconnected. */
	public boolean accessEndingBy(Instant now) {
		return accessEndsAt != null && status != ConnectionStatus.DISCONNECTED
				&& accessEndsAt.isBefore(now.plus(ACCESS_ENDING_NOTICE));
	}

	public ZoneId zoneOr(ZoneId workspaceZone) {
		return timeZoneOverride != null ? timeZoneOverride : workspaceZone;
	}
}
