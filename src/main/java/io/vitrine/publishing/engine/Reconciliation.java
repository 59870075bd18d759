package io.vitrine.publishing.engine;

import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.Capability;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.internal.Sql;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.publishing.internal.VariantValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Settles targets whose outcome is unknown by reading the account's recent posts: found means
 * published; proven absent means a re-send, but only while the network's idempotency still
 * guarantees it cannot duplicate. Otherwise the person decides; nothing is ever blindly retried.
 */
@Component
class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Targets targets;

	private final Connections connections;

	private final Connectors connectors;

	private final VariantValidation validation;

	private final TargetUpdates updates;

	private final MediaLibrary media;

	private final EngineMetrics metrics;

	private final Clock clock;

	Reconciliation(JdbcClient jdbc, Targets targets, Connections connections, Connectors connectors,
			VariantValidation validation, TargetUpdates updates, MediaLibrary media, EngineMetrics metrics, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.connections = connections;
		this.connectors = connectors;
		this.validation = validation;
		this.updates = updates;
		this.media = media;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Claims unknown targets whose next check is due, so two nodes never check the same one at once,
	 * grouped by account: one account's checks run one after the other, so that a rate limit met by
	 * the first is respected by the next instead of several reads hitting the account at once.
	 */
	List<List<UUID>> claim(String owner, Instant now, Instant leaseUntil, int limit) {
		record Candidate(UUID id, UUID connectionId) {
		}
		List<Candidate> candidates = jdbc.sql("select t.id, t.connection_id from post_target t where t.state = 'unknown'"
				+ " and t.not_before <= ? and (t.lease_until is null or t.lease_until < ?)"
				// An account still being checked (by an earlier round or another node) waits for the next round.
				+ " and not exists (select 1 from post_target o where o.state = 'unknown' and o.connection_id = t.connection_id"
				+ " and o.lease_until >= ?) order by t.not_before limit ?")
			.params(Sql.ts(now), Sql.ts(now), Sql.ts(now), limit)
			.query((rs, row) -> new Candidate(rs.getObject("id", UUID.class), rs.getObject("connection_id", UUID.class)))
			.list();
		Map<UUID, List<UUID>> byAccount = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			int updated = jdbc.sql("update post_target set lease_owner = ?, lease_until = ? where id = ? and state = 'unknown'"
					+ " and not_before <= ? and (lease_until is null or lease_until < ?)")
				.params(owner, Sql.ts(leaseUntil), candidate.id(), Sql.ts(now), Sql.ts(now))
				.update();
			if (updated == 1) {
				byAccount.computeIfAbsent(candidate.connectionId(), k -> new ArrayList<>()).add(candidate.id());
			}
		}
		return List.copyOf(byAccount.values());
	}

	/** One account's claimed targets, in order. */
	void reconcileAll(List<UUID> targetIds, String owner) {
		targetIds.forEach(id -> reconcile(id, owner));
	}

	void reconcile(UUID targetId, String owner) {
		TargetView target = targets.find(targetId).orElseThrow();
		if (target.state() != TargetState.UNKNOWN) {
			return;
		}
		ConnectionView account = connections.get(target.workspaceId(), target.connectionId());
		NetworkConnector connector = connectors.get(account.network());
		Instant sentAt = updates.sentAt(targetId);
		Instant now = clock.instant();
		if (account.pausedUntil() != null && account.pausedUntil().isAfter(now)) {
			// Reading is a request too: a paused account is not asked anything before its reset.
			checkAt(target, owner, account.pausedUntil(), connector.displayName() + " rate limit: checking after "
					+ account.pausedUntil());
			return;
		}
		ReconcileOutcome outcome;
		if (!connector.capabilities().contains(Capability.RECONCILE)) {
			outcome = new ReconcileOutcome.Inconclusive(connector.displayName() + " cannot be searched for the post");
		}
		else {
			try {
				PublishRequest request = TargetMedia.request(target, validation.variantOf(target), media);
				outcome = connector.reconcile(connections.openChannel(account.id()), request, sentAt);
			}
			catch (RuntimeException e) {
				log.error("Reconciling target {} on {} failed", targetId, connector.id(), e);
				outcome = new ReconcileOutcome.Inconclusive("unexpected error: " + e.getClass().getSimpleName());
			}
		}
		settle(target, connector, owner, sentAt, now, outcome);
	}

	private void settle(TargetView target, NetworkConnector connector, String owner, Instant sentAt, Instant now,
			ReconcileOutcome outcome) {
		String network = connector.displayName();
		switch (outcome) {
			case ReconcileOutcome.Found f -> {
				updates.published(target.id(), TargetState.UNKNOWN, f.remoteId(), f.remoteUrl(), now,
						"found on " + network + " among the account's recent posts");
				metrics.published(target.dueAt(), now);
			}
			case ReconcileOutcome.Continuing c -> {
				updates.pending(target.id(), owner, TargetState.UNKNOWN, c.remoteRef(), now,
						PendingChecks.still(network, c.message()), now, "found on " + network + "; " + c.message());
				metrics.outcome("pending");
			}
			case ReconcileOutcome.NotFound n -> {
				if (safeToResend(connector, sentAt, now)) {
					updates.move(target.id(), owner, TargetState.UNKNOWN, TargetState.SCHEDULED, null, null, now,
							"not on " + network + "; sending again with the same idempotency key, which cannot duplicate");
				}
				else {
					stopChecking(target, owner, now, "not found on " + network
							+ ", and sending again could publish it twice: retry it or mark it as published yourself");
				}
			}
			case ReconcileOutcome.Inconclusive i -> {
				if (safeToResend(connector, sentAt, now)) {
					// The network's idempotency settles what reading could not: a post it already
					// has comes back as it is instead of a second one.
					updates.move(target.id(), owner, TargetState.UNKNOWN, TargetState.SCHEDULED, null, null, now,
							"could not tell from the recent posts (" + i.message()
									+ "); sending again with the same idempotency key, which cannot duplicate");
				}
				else if (sentAt != null && now.isAfter(sentAt.plus(GIVE_UP_AFTER))) {
					stopChecking(target, owner, now, "still cannot tell whether " + network + " has the post (" + i.message()
							+ "): check the account, then retry or mark it as published");
				}
				else {
					checkAgain(target, owner, now, Duration.ofMinutes(2), "could not tell yet (" + i.message() + ")");
				}
			}
			case ReconcileOutcome.RateLimited r -> {
				connections.pauseUntil(target.connectionId(), r.until(), r.message());
				checkAt(target, owner, r.until(), network + " rate limit while checking: checking again after " + r.until());
			}
			case ReconcileOutcome.Reauthorize r -> {
				connections.markNeedsReconnect(target.connectionId(), r.message());
				checkAgain(target, owner, now, Duration.ofMinutes(30),
						network + " refused the credentials while checking: reconnect the account");
			}
		}
	}

	private static boolean safeToResend(NetworkConnector connector, Instant sentAt, Instant now) {
		return connector.capabilities().contains(Capability.SAFE_RESEND)
				&& (sentAt == null || now.isBefore(sentAt.plus(connector.safeResendWindow())));
	}

	private void checkAgain(TargetView target, String owner, Instant now, Duration delay, String reason) {
		checkAt(target, owner, now.plus(delay), reason);
	}

	private void checkAt(TargetView target, String owner, Instant next, String reason) {
		jdbc.sql("update post_target set not_before = ?, failure_reason = ?, lease_owner = null, lease_until = null"
				+ " where id = ? and state = 'unknown' and lease_owner = ?")
			.params(Sql.ts(next), reason, target.id(), owner)
			.update();
	}

	private void stopChecking(TargetView target, String owner, Instant now, String reason) {
		jdbc.sql("update post_target set not_before = null, failure_reason = ?, lease_owner = null, lease_until = null,"
				+ " updated_at = ? where id = ? and state = 'unknown' and lease_owner = ?")
			.params(reason, Sql.ts(now), target.id(), owner)
			.update();
	}
}
