package io.vitrine.publishing.engine;

import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.AccountForSending;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.internal.PostQuotas;
import io.vitrine.publishing.internal.VariantValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sends one claimed target to its network and records what happened. */
@Component
class PublishTarget {

	private static final Logger log = LoggerFactory.getLogger(PublishTarget.class);

	static final int MAX_TRANSIENT_ATTEMPTS = 6;

	private final Connections connections;

	private final Connectors connectors;

	private final VariantValidation validation;

	private final TargetUpdates updates;

	private final MediaLibrary media;

	private final EngineMetrics metrics;

	private final Clock clock;

	private final PostQuotas quotas;

	private final Duration firstReconcileDelay;

	private final Duration pendingMaxPoll;

	PublishTarget(Connections connections, Connectors connectors, VariantValidation validation,
			TargetUpdates updates, MediaLibrary media, EngineMetrics metrics, Clock clock, EngineProperties properties,
			PostQuotas quotas) {
		this.quotas = quotas;
		this.firstReconcileDelay = properties.firstReconcileDelay();
		this.pendingMaxPoll = properties.pendingMaxPoll();
		this.connections = connections;
		this.connectors = connectors;
		this.validation = validation;
		this.updates = updates;
		this.media = media;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** @param target as claimed for this node a moment ago */
	void publish(TargetView target, String owner) {
		AccountForSending sending = connections.forSending(target.workspaceId(), target.connectionId());
		ConnectionView account = sending.view();
		NetworkConnector connector = connectors.get(account.network());
		if (account.status() == ConnectionStatus.NEEDS_RECONNECT) {
			fail(target, owner, "the account " + account.handle() + " needs to be reconnected: " + account.statusReason());
			return;
		}
		if (account.status() == ConnectionStatus.DISCONNECTED) {
			fail(target, owner, "the account " + account.handle() + " was disconnected from Vitrine");
			return;
		}
		Instant now = clock.instant();
		if (account.pausedUntil() != null && account.pausedUntil().isAfter(now)) {
			// Paused after this target was claimed (another target of the account met a rate limit).
			updates.waitForRateLimit(target.id(), owner, account.pausedUntil(), now,
					connector.displayName() + " rate limit: waiting until " + account.pausedUntil());
			metrics.outcome("rate_limited");
			return;
		}
		PostVariant variant = validation.variantOf(target);
		VariantCheck check = validation.check(account, variant);
		if (!check.valid()) {
			fail(target, owner, "no longer valid for " + connector.displayName() + ": " + check.violations().stream()
				.map(Violation::message).collect(Collectors.joining("; ")));
			return;
		}
		Optional<PostQuotas.Hold> hold = quotas.reserve(account, connector, target.id(), now);
		if (hold.isPresent()) {
			updates.waitForQuota(target.id(), owner, hold.get().until(), now, hold.get().reason());
			metrics.outcome("quota_wait");
			return;
		}
		if (!updates.markSending(target.id(), owner, clock.instant())) {
			quotas.release(account, connector, target.id());
			log.warn("Target {} is no longer claimed by {}; not sent", target.id(), owner);
			return;
		}
		PublishOutcome outcome;
		try {
			outcome = connector.publish(sending.channel(), TargetMedia.request(target, variant, media));
		}
		catch (RuntimeException e) {
			// We cannot tell how far the connector got: treat it like a lost response.
			log.error("Connector {} failed on target {}", connector.id(), target.id(), e);
			outcome = new PublishOutcome.Unknown("unexpected error while publishing: " + e.getClass().getSimpleName());
		}
		if (!mayBeOnTheNetwork(outcome)) {
			quotas.release(account, connector, target.id());
		}
		record(target, account, connector, owner, outcome);
	}

	/** Whether the post now counts against the network's quotas: it is there, being processed there, or may be. */
	private static boolean mayBeOnTheNetwork(PublishOutcome outcome) {
		return outcome instanceof PublishOutcome.Published || outcome instanceof PublishOutcome.Pending
				|| outcome instanceof PublishOutcome.Unknown;
	}

	private void record(TargetView target, ConnectionView account, NetworkConnector connector, String owner,
			PublishOutcome outcome) {
		Instant now = clock.instant();
		String network = connector.displayName();
		switch (outcome) {
			case PublishOutcome.Published p -> {
				updates.published(target.id(), TargetState.PUBLISHING, p.remoteId(), p.remoteUrl(), now,
						"published on " + network + " as " + p.remoteId());
				metrics.published(target.dueAt(), now);
			}
			case PublishOutcome.Rejected r -> fail(target, owner, network + " refused the post: " + r.message());
			case PublishOutcome.RateLimited r -> {
				connections.pauseUntil(account.id(), r.until(), r.message());
				updates.waitForRateLimit(target.id(), owner, r.until(), now,
						network + " rate limit: waiting until " + r.until() + " (" + r.message() + ")");
				metrics.outcome("rate_limited");
			}
			case PublishOutcome.Transient t -> retryLater(target, owner, network, t.message(), now);
			case PublishOutcome.Unknown u -> {
				Instant firstCheck = now.plus(firstReconcileDelay);
				if (u.rateLimitedUntil() != null) {
					connections.pauseUntil(account.id(), u.rateLimitedUntil(), u.message());
					firstCheck = firstCheck.isAfter(u.rateLimitedUntil()) ? firstCheck : u.rateLimitedUntil();
				}
				updates.move(target.id(), owner, TargetState.PUBLISHING, TargetState.UNKNOWN, firstCheck,
						network + " may or may not have the post: " + u.message(), now,
						u.message() + "; checking the account's recent posts before anything is sent again");
				metrics.outcome("unknown");
			}
			case PublishOutcome.Pending p -> {
				Instant next = PendingChecks.nextCheck(p.checkAfter(), now, pendingMaxPoll);
				updates.pending(target.id(), owner, TargetState.PUBLISHING, p.remoteRef(), next,
						PendingChecks.still(network, p.message()), now, network + " accepted the post and is processing it"
								+ (p.remoteRef() == null ? "" : " (" + p.remoteRef() + ")") + "; asking again at " + next);
				metrics.outcome("pending");
			}
			case PublishOutcome.Reauthorize r -> {
				connections.markNeedsReconnect(account.id(), r.message());
				fail(target, owner, network + " refused the account's credentials (" + r.message() + "): reconnect "
						+ account.handle() + ", then retry");
			}
		}
	}

	private void retryLater(TargetView target, String owner, String network, String message, Instant now) {
		int attempts = target.attempts();
		if (attempts >= MAX_TRANSIENT_ATTEMPTS) {
			fail(target, owner, "could not reach " + network + " after " + attempts + " attempts: " + message);
			return;
		}
		Duration backoff = Duration.ofSeconds(15L << Math.min(attempts, 8));
		updates.move(target.id(), owner, TargetState.PUBLISHING, TargetState.SCHEDULED, now.plus(backoff), null, now,
				"not sent (" + message + "); trying again in " + backoff.toSeconds() + " s");
		metrics.outcome("transient");
	}

	private void fail(TargetView target, String owner, String reason) {
		updates.move(target.id(), owner, TargetState.PUBLISHING, TargetState.FAILED, null, reason, clock.instant(), reason);
		metrics.outcome("failed");
	}
}
