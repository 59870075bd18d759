package io.vitrine.publishing.internal;

import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Violation;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.TargetsBecameDue;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a person can do to a saved post: schedule or publish a draft, cancel, retry a failed target. */
@Service
public class PostActions {

	private final JdbcClient jdbc;

	private final Targets targets;

	private final Transitions transitions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Connections connections;

	private final VariantValidation validation;

	PostActions(JdbcClient jdbc, Targets targets, Transitions transitions, ApplicationEventPublisher events, Clock clock,
			Connections connections, VariantValidation validation) {
		this.connections = connections;
		this.validation = validation;
		this.jdbc = jdbc;
		this.targets = targets;
		this.transitions = transitions;
		this.events = events;
		this.clock = clock;
	}

	/** Drafts go out through the same engine: scheduled, due at {@code at} (now when null). */
	@Transactional
	public int schedule(Member member, UUID postId, Instant at, String zone) {
		Policies.require(Policies.MAY_SCHEDULE, member, "schedule or publish posts");
		Instant now = clock.instant();
		Instant due = at == null ? now : at;
		if (at != null && at.isBefore(now)) {
			throw InvalidInput.of("scheduledAt", "future", "must be in the future; use \"publish now\" instead");
		}
		List<TargetView> drafts = targetsOf(member, postId).stream().filter(t -> t.state() == TargetState.DRAFT).toList();
		if (drafts.isEmpty()) {
			throw InvalidInput.of("postId", "draft", "has no draft target left to schedule");
		}
		if (awaitingApproval(postId)) {
			throw InvalidInput.of("postId", "approved", "must be approved before it is scheduled or published");
		}
		jdbc.sql("update post set scheduled_at = ?, scheduled_zone = ?, updated_at = ? where id = ?")
			.params(Sql.ts(due), zone, Sql.ts(now), postId)
			.update();
		for (TargetView t : drafts) {
			move(t, TargetState.DRAFT, TargetState.SCHEDULED, due, now, "scheduled by " + member.userId());
		}
		if (!due.isAfter(now)) {
			events.publishEvent(new TargetsBecameDue(drafts.size()));
		}
		return drafts.size();
	}

	/**
	 * Moves one scheduled target to another time, checked as if it were scheduled anew: in the
	 * future, its account still able to publish, its variant within the network's rules. A target
	 * being sent, sent, failed or unknown stays where it is: its time is history.
	 */
	@Transactional
	public TargetView reschedule(Member member, UUID targetId, Instant at) {
		Policies.require(Policies.MAY_SCHEDULE, member, "reschedule posts");
		TargetView t = targets.find(member.workspaceId(), targetId).orElseThrow(() -> new NotFound("target " + targetId));
		if (t.state() != TargetState.SCHEDULED) {
			throw InvalidInput.of("targetId", "movable", switch (t.state()) {
				case PUBLISHED -> "a published post cannot move: it went out at its time";
				case PUBLISHING, UNKNOWN -> "a post being sent cannot move";
				case DRAFT -> "a draft has no time yet: schedule it first";
				default -> "only a scheduled post can move; this one is " + t.state().dbValue();
			});
		}
		Instant now = clock.instant();
		if (!at.isAfter(now)) {
			throw InvalidInput.of("scheduledAt", "future", "must be in the future; a post cannot move into the past");
		}
		ConnectionView account = connections.get(member.workspaceId(), t.connectionId());
		if (account.status() != ConnectionStatus.ACTIVE) {
			throw InvalidInput.of("connectionId", "connected", account.handle() + " must be reconnected before it can publish");
		}
		List<Violation> violations = validation.check(account, validation.variantOf(t)).violations();
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations.stream().map(v -> new InvalidInput.Problem(v.field(), v.rule(), v.message())).toList());
		}
		// The engine may claim the target between our read and this write (it was due soon); the
		// state in the where clause makes that a refusal instead of moving a post being sent. A backoff
		// (not_before) is kept: moving a post earlier does not cut short a wait after a failed attempt.
		int moved = jdbc.sql("update post_target set due_at = ?, updated_at = ? where id = ? and state = 'scheduled'")
			.params(Sql.ts(at), Sql.ts(now), t.id())
			.update();
		if (moved == 0) {
			throw InvalidInput.of("targetId", "movable", "a post being sent cannot move");
		}
		transitions.record(t.id(), TargetState.SCHEDULED, TargetState.SCHEDULED, now,
				"rescheduled from " + t.dueAt() + " to " + at + " by " + member.userId());
		return targets.find(member.workspaceId(), targetId).orElseThrow();
	}

	/** Only what has not started can be cancelled; a post being sent or sent stays as it is. */
	@Transactional
	public int cancel(Member member, UUID postId) {
		Policies.require(Policies.MAY_COMPOSE, member, "cancel posts");
		Instant now = clock.instant();
		int cancelled = 0;
		for (TargetView t : targetsOf(member, postId)) {
			if (t.state() == TargetState.DRAFT || t.state() == TargetState.SCHEDULED) {
				cancelled += move(t, t.state(), TargetState.CANCELLED, t.dueAt(), now, "cancelled by " + member.userId());
			}
		}
		return cancelled;
	}

	/**
	 * A failed target, or an unknown one the person has checked, is sent again. For an unknown
	 * target this is the person's decision after the engine could not prove the post absent.
	 */
	@Transactional
	public void retry(Member member, UUID targetId) {
		Policies.require(Policies.MAY_SCHEDULE, member, "retry posts");
		TargetView t = targets.find(member.workspaceId(), targetId).orElseThrow(() -> new NotFound("target " + targetId));
		if (!Set.of(TargetState.FAILED, TargetState.UNKNOWN).contains(t.state())) {
			throw InvalidInput.of("targetId", "retryable", "only a failed or unknown target can be retried; this one is "
					+ t.state().dbValue());
		}
		Instant now = clock.instant();
		jdbc.sql("update post_target set state = 'scheduled', due_at = coalesce(due_at, ?), not_before = null, attempts = 0,"
				+ " failure_reason = null, lease_owner = null, lease_until = null, updated_at = ? where id = ? and state = ?")
			.params(Sql.ts(now), Sql.ts(now), t.id(), t.state().dbValue())
			.update();
		transitions.record(t.id(), t.state(), TargetState.SCHEDULED, now, "retried by " + member.userId());
		events.publishEvent(new TargetsBecameDue(1));
	}

	private int move(TargetView t, TargetState from, TargetState to, Instant due, Instant now, String reason) {
		int updated = jdbc.sql("update post_target set state = ?, due_at = ?, updated_at = ? where id = ? and state = ?")
			.params(to.dbValue(), Sql.ts(due), Sql.ts(now), t.id(), from.dbValue())
			.update();
		if (updated == 1) {
			transitions.record(t.id(), from, to, now, reason);
		}
		return updated;
	}

	private boolean awaitingApproval(UUID postId) {
		return jdbc.sql("select count(*) from post_target where post_id = ? and awaiting_approval")
			.param(postId)
			.query(Long.class)
			.single() > 0;
	}

	private List<TargetView> targetsOf(Member member, UUID postId) {
		return targets.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId)).targets();
	}
}
