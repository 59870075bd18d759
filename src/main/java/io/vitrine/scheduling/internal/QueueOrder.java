package io.vitrine.scheduling.internal;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Reorders an account's queue: two queued posts swap their slot times, or all of them are shuffled.
 * Only targets the queue placed and that are still scheduled move; each move goes through the same
 * reschedule as the calendar's, so it is checked again (future, account connected, variant valid).
 */
@Service
public class QueueOrder {

	/** How far ahead the queue is listed and shuffled. */
	public static final Duration HORIZON = Duration.ofDays(NextFreeSlot.HORIZON_DAYS);

	private final Connections connections;

	private final QueueSettings settings;

	private final QueueEntries entries;

	private final AccountPlan accountPlan;

	private final PlannedPosts plan;

	private final Clock clock;

	private final Random random;

	QueueOrder(Connections connections, QueueSettings settings, QueueEntries entries, AccountPlan accountPlan, PlannedPosts plan,
			Clock clock) {
		this.connections = connections;
		this.settings = settings;
		this.entries = entries;
		this.accountPlan = accountPlan;
		this.plan = plan;
		this.clock = clock;
		this.random = new SecureRandom();
	}

	/** The account's queued posts still waiting, soonest first. */
	public List<TargetView> queued(Member member, UUID connectionId) {
		ConnectionView account = connections.get(member.workspaceId(), connectionId);
		Set<UUID> queued = entries.of(member.workspaceId(), account.id());
		Instant now = clock.instant();
		return accountPlan.planned(member, account, now, now.plus(HORIZON)).stream()
			.filter(t -> t.state() == TargetState.SCHEDULED && queued.contains(t.id()))
			.toList();
	}

	@Transactional
	public void swap(Member member, UUID targetId, UUID withTargetId) {
		Policies.require(Policies.MAY_SCHEDULE, member, "reorder the queue");
		TargetView a = queuedTarget(member, targetId, "targetId");
		TargetView b = queuedTarget(member, withTargetId, "withTargetId");
		if (!a.connectionId().equals(b.connectionId())) {
			throw InvalidInput.of("withTargetId", "same-account", "both posts must be in the same account's queue");
		}
		settings.lock(member.workspaceId(), a.connectionId());
		plan.reschedule(member, a.id(), b.dueAt());
		plan.reschedule(member, b.id(), a.dueAt());
	}

	/** Moves a queued post one place earlier (up) or later (down) in its account's queue. */
	@Transactional
	public void move(Member member, UUID targetId, boolean earlier) {
		TargetView t = queuedTarget(member, targetId, "targetId");
		List<TargetView> queue = queued(member, t.connectionId());
		int at = queue.stream().map(TargetView::id).toList().indexOf(t.id());
		int other = earlier ? at - 1 : at + 1;
		if (at < 0 || other < 0 || other >= queue.size()) {
			throw InvalidInput.of("direction", "in-queue", earlier ? "this post is already first in its queue" : "this post is already last in its queue");
		}
		swap(member, t.id(), queue.get(other).id());
	}

	/** Deals the queued posts' slot times out again in a random order; returns how many posts moved. */
	@Transactional
	public int shuffle(Member member, UUID connectionId) {
		Policies.require(Policies.MAY_SCHEDULE, member, "shuffle the queue");
		settings.lock(member.workspaceId(), connectionId);
		List<TargetView> queue = queued(member, connectionId);
		List<Instant> times = queue.stream().map(TargetView::dueAt).toList();
		List<TargetView> dealt = new ArrayList<>(queue);
		Collections.shuffle(dealt, random);
		int moved = 0;
		for (int i = 0; i < dealt.size(); i++) {
			if (!dealt.get(i).dueAt().equals(times.get(i))) {
				plan.reschedule(member, dealt.get(i).id(), times.get(i));
				moved++;
			}
		}
		return moved;
	}

	public TargetView queuedTarget(Member member, UUID targetId) {
		return queuedTarget(member, targetId, "targetId");
	}

	private TargetView queuedTarget(Member member, UUID targetId, String field) {
		if (targetId == null) {
			throw InvalidInput.of(field, "required", "choose a queued post");
		}
		TargetView t = plan.find(member, targetId).orElseThrow(() -> new NotFound("target " + targetId));
		if (!entries.contains(member.workspaceId(), targetId)) {
			throw InvalidInput.of(field, "queued", "this post was not added through the queue; move it on the calendar instead");
		}
		return t;
	}
}
