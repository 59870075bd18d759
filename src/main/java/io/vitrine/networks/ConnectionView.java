package io.vitrine.networks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A connected account as the rest of Vitrine sees it: never any credential. */
public record ConnectionView(UUID id, UUID workspaceId, NetworkId network, String serverUrl, String handle,
		String displayName, ZoneId timeZoneOverride, ConnectionStatus status, String statusReason, NetworkLimits limits,
		Instant pausedUntil) {

	public ZoneId zoneOr(ZoneId workspaceZone) {
		return timeZoneOverride != null ? timeZoneOverride : workspaceZone;
	}
}
