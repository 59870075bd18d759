package io.vitrine.networks.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.NetworkLimits;

import java.time.Instant;
import java.util.UUID;

/** A connected account in the REST API. Built from {@link ConnectionView}, which holds no credential. */
@Schema(name = "Connection", description = "A connected social account. Credentials are never returned.")
public record ConnectionJson(UUID id, String network, String serverUrl, String handle, String displayName,
		@Schema(description = "IANA zone overriding the workspace's, or null") String timeZone,
		ConnectionStatus status,
		@Schema(description = "Why the account needs a reconnect, when it does") String statusReason,
		@Schema(description = "Nothing is sent on this account before this instant (rate limit)") Instant pausedUntil,
		NetworkLimits limits,
		@Schema(description = "When the account's access ends unless it is reconnected (a token that no refresh renews), "
				+ "or null") Instant accessEndsAt) {

	public static ConnectionJson of(ConnectionView view) {
		return new ConnectionJson(view.id(), view.network().value(), view.serverUrl(), view.handle(), view.displayName(),
				view.timeZoneOverride() == null ? null : view.timeZoneOverride().getId(), view.status(), view.statusReason(),
				view.pausedUntil(), view.limits(), view.accessEndsAt());
	}
}
