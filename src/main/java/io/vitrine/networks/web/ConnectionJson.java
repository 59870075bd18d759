package io.vitrine.networks.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.NetworkLimits;

import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.QuotaUsages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
				+ "or null") Instant accessEndsAt,
		@Schema(description = "The network's documented caps on posts per window and how much of each this account used, "
				+ "as Vitrine counts what it sent; empty for networks without quotas, and in answers to connect calls") List<Quota> quotas) {

	@Schema(name = "ConnectionQuota", description = "A cap on posts per sliding window: a post that would go over waits for a free slot")
	public record Quota(int max,
			@Schema(description = "ISO-8601 duration of the sliding window", example = "PT24H") Duration window,
			@Schema(description = "ACCOUNT: counted per account; APP: over every account of the network on this Vitrine") PublishQuota.Scope scope,
			@Schema(description = "posts counted in the window ending now") int used,
			@Schema(description = "when the oldest counted post leaves the window; null when none is counted") Instant nextSlotAt,
			@Schema(description = "the network's page documenting the cap") String source) {
	}

	public static ConnectionJson of(ConnectionView view) {
		return of(view, List.of());
	}

	public static ConnectionJson of(ConnectionView view, List<QuotaUsages.QuotaUsage> usages) {
		return new ConnectionJson(view.id(), view.network().value(), view.serverUrl(), view.handle(), view.displayName(),
				view.timeZoneOverride() == null ? null : view.timeZoneOverride().getId(), view.status(), view.statusReason(),
				view.pausedUntil(), view.limits(), view.accessEndsAt(), usages.stream()
					.map(u -> new Quota(u.quota().max(), u.quota().window(), u.quota().scope(), u.used(), u.nextSlotAt(),
							u.quota().source()))
					.toList());
	}
}
