package io.vitrine.publishing.engine;

import io.vitrine.networks.Capability;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.media.MediaLibrary;
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
import java.util.List;
import java.util.UUID;

/**
 * Follows posts a network accepted and is still processing (pending): asks the connector where each stands once its
 * next check is due, until it is published, failed, or given up. Asking is never publishing again: the network
 * already has the post, so nothing here calls {@code publish}.
 */
@Component
class PendingChecks {

	private static final Logger log = LoggerFactory.getLogger(PendingChecks.class);

	/** The shortest wait between two questions, whatever the network suggests: a check is a request too. */
	static final Duration MIN_POLL = Duration.ofSeconds(5);

	static final Duration FIRST_TRANSIENT_BACKOFF = Duration.ofSeconds(15);

	static final Duration AFTER_REAUTHORIZE = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final Targets targets;

	private final Connections connections;

	private final Connectors connectors;

	private final VariantValidation validation;

	private final TargetUpdates updates;

	private final MediaLibrary media;

	private final EngineMetrics metrics;

	private final Clock clock;

	private final EngineProperties properties;

	PendingChecks(JdbcClient jdbc, Targets targets, Connections connections, Connectors connectors,
			VariantValidation validation, TargetUpdates updates, MediaLibrary media, EngineMetrics metrics, Clock clock,
			EngineProperties properties) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.connections = connections;
		this.connectors = connectors;
		this.validation = validation;
		this.updates = updates;
		this.media = media;
		this.metrics = metrics;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * When to ask next: what the network suggested, but not sooner than {@link #MIN_POLL} (a network answering "now"
	 * must not be asked in a tight loop) nor later than the configured maximum (a post must not sit published on the
	 * network for hours while Vitrine still shows it pending).
	 */
	static Instant nextCheck(Instant suggested, Instant now, Duration maxPoll) {
		Instant earliest = now.plus(MIN_POLL);
		Instant latest = now.plus(maxPoll.compareTo(MIN_POLL) < 0 ? MIN_POLL : maxPoll);
		if (suggested == null || suggested.isBefore(earliest)) {
			return earliest;
		}
		return suggested.isAfter(latest) ? latest : suggested;
	}

	/**
	 * Claims pending targets whose next check is due, with a lease (kept alive by the heartbeat), so that two nodes
	 * never ask about the same post at once. A claim left by a dead node expires and the target is claimed again:
	 * asking twice is harmless, publishing twice is what never happens.
	 */
	List<UUID> claim(String owner, Instant now, Instant leaseUntil, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		List<UUID> candidates = jdbc.sql("select t.id from post_target t where t.state = 'pending' and t.not_before <= ?"
				+ " and (t.lease_until is null or t.lease_until < ?) order by t.not_before limit ?")
			.params(Sql.ts(now), Sql.ts(now), limit)
			.query(UUID.class)
			.list();
		List<UUID> claimed = new ArrayList<>();
		for (UUID id : candidates) {
			int updated = jdbc.sql("update post_target set lease_owner = ?, lease_until = ? where id = ? and state = 'pending'"
					+ " and not_before <= ? and (lease_until is null or lease_until < ?)")
				.params(owner, Sql.ts(leaseUntil), id, Sql.ts(now), Sql.ts(now))
				.update();
			if (updated == 1) {
				claimed.add(id);
			}
		}
		return claimed;
	}

	void check(UUID targetId, String owner) {
		TargetView target = targets.find(targetId).orElseThrow();
		if (target.state() != TargetState.PENDING) {
			return;
		}
		ConnectionView account = connections.get(target.workspaceId(), target.connectionId());
		NetworkConnector connector = connectors.get(account.network());
		String network = connector.displayName();
		Instant now = clock.instant();
		Instant sentAt = updates.sentAt(targetId);
		if (sentAt != null && now.isAfter(sentAt.plus(properties.pendingGiveUp()))) {
			fail(target, owner, network + " was still processing the post " + hours(properties.pendingGiveUp())
					+ " after it was sent (" + target.failureReason() + "); check the account, then retry or mark it as published");
			return;
		}
		if (account.status() == ConnectionStatus.DISCONNECTED) {
			fail(target, owner, "the account " + account.handle() + " was disconnected while " + network
					+ " was still processing the post; check the account");
			return;
		}
		if (account.pausedUntil() != null && account.pausedUntil().isAfter(now)) {
			// Asking is a request too: a paused account is not asked anything before its reset.
			updates.checkAgainAt(targetId, owner, TargetState.PENDING, account.pausedUntil(),
					network + " rate limit: asking again after " + account.pausedUntil(), false);
			return;
		}
		settle(target, account, connector, owner, now, ask(target, account, connector));
	}

	private PublishOutcome ask(TargetView target, ConnectionView account, NetworkConnector connector) {
		if (!connector.capabilities().contains(Capability.ASYNC_PUBLISH)) {
			// A connector that answered pending without declaring it cannot be asked: read the account back instead.
			return new PublishOutcome.Unknown(connector.displayName() + " answered pending but cannot be asked how the post stands");
		}
		try {
			PublishRequest request = TargetMedia.request(target, validation.variantOf(target), media);
			return connector.checkPending(connections.openChannel(account.id()), request, target.pendingRef());
		}
		catch (RuntimeException e) {
			// Asking changes nothing on the network: an error here is only a failed question.
			log.error("Checking pending target {} on {} failed", target.id(), connector.id(), e);
			return new PublishOutcome.Transient("unexpected error while checking: " + e.getClass().getSimpleName());
		}
	}

	private void settle(TargetView target, ConnectionView account, NetworkConnector connector, String owner, Instant now,
			PublishOutcome outcome) {
		String network = connector.displayName();
		switch (outcome) {
			case PublishOutcome.Published p -> {
				updates.published(target.id(), TargetState.PENDING, p.remoteId(), p.remoteUrl(), now,
						"published on " + network + " as " + p.remoteId() + " after processing");
				metrics.published(target.dueAt(), now);
			}
			case PublishOutcome.Pending p -> updates.pending(target.id(), owner, TargetState.PENDING, p.remoteRef(),
					nextCheck(p.checkAfter(), now, properties.pendingMaxPoll()), still(network, p.message()), now, null);
			case PublishOutcome.Rejected r -> fail(target, owner, network + " could not publish the post: " + r.message());
			case PublishOutcome.RateLimited r -> {
				connections.pauseUntil(account.id(), r.until(), r.message());
				updates.checkAgainAt(target.id(), owner, TargetState.PENDING, r.until(),
						network + " rate limit while checking: asking again after " + r.until(), false);
			}
			case PublishOutcome.Transient t -> {
				// attempts counts every failed question since the publish; the backoff doubles with each.
				Duration backoff = FIRST_TRANSIENT_BACKOFF.multipliedBy(1L << Math.min(Math.max(target.attempts() - 1, 0), 10));
				Instant next = nextCheck(now.plus(backoff), now, properties.pendingMaxPoll());
				updates.checkAgainAt(target.id(), owner, TargetState.PENDING, next,
						"could not ask " + network + " (" + t.message() + "); asking again at " + next, true);
				metrics.outcome("pending_check_failed");
			}
			case PublishOutcome.Reauthorize r -> {
				connections.markNeedsReconnect(account.id(), r.message());
				updates.checkAgainAt(target.id(), owner, TargetState.PENDING, now.plus(AFTER_REAUTHORIZE),
						network + " refused the credentials while following the post (" + r.message() + "): reconnect "
								+ account.handle() + " so that Vitrine can see it published", false);
			}
			case PublishOutcome.Unknown u -> {
				Instant firstCheck = now.plus(properties.firstReconcileDelay());
				if (u.rateLimitedUntil() != null) {
					connections.pauseUntil(account.id(), u.rateLimitedUntil(), u.message());
					firstCheck = firstCheck.isAfter(u.rateLimitedUntil()) ? firstCheck : u.rateLimitedUntil();
				}
				updates.move(target.id(), owner, TargetState.PENDING, TargetState.UNKNOWN, firstCheck,
						network + " may or may not have published the post: " + u.message(), now,
						u.message() + "; checking the account's recent posts before anything is sent again");
				metrics.outcome("unknown");
			}
		}
	}

	static String still(String network, String message) {
		return network + " is processing the post" + (message == null || message.isBlank() ? "" : ": " + message);
	}

	private void fail(TargetView target, String owner, String reason) {
		updates.move(target.id(), owner, TargetState.PENDING, TargetState.FAILED, null, reason, clock.instant(), reason);
		metrics.outcome("failed");
	}

	private static String hours(Duration d) {
		return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
	}
}
