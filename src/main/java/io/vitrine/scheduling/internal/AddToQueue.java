package io.vitrine.scheduling.internal;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostLabels;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** "Add to queue": one post, each chosen account's target on that account's next free slot. */
@Service
public class AddToQueue {

	public static final int MAX_GAP_DAYS = 365;

	private final Connections connections;

	private final QueueSettings settings;

	private final AccountPlan accountPlan;

	private final PlannedPosts plan;

	private final QueueEntries entries;

	private final Evergreens evergreens;

	private final Clock clock;

	AddToQueue(Connections connections, QueueSettings settings, AccountPlan accountPlan, PlannedPosts plan, QueueEntries entries,
			Evergreens evergreens, Clock clock) {
		this.connections = connections;
		this.settings = settings;
		this.accountPlan = accountPlan;
		this.plan = plan;
		this.entries = entries;
		this.evergreens = evergreens;
		this.clock = clock;
	}

	/**
	 * @param evergreenGapDays when set, each target goes back into its account's queue after it is
	 *        published, never closer than this many days to its previous publication
	 */
	@Transactional
	public PostView add(Member member, List<PostDraft.TargetDraft> targets, PostLabels labels, Integer evergreenGapDays) {
		return add(member, targets, labels, evergreenGapDays, null);
	}

	/** @param submissionKey the composer's one-time key: the same form sent twice queues one post (see {@link PostDraft}) */
	@Transactional
	public PostView add(Member member, List<PostDraft.TargetDraft> targets, PostLabels labels, Integer evergreenGapDays,
			String submissionKey) {
		Policies.require(Policies.MAY_SCHEDULE, member, "add posts to the queue");
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (evergreenGapDays != null && (evergreenGapDays < 1 || evergreenGapDays > MAX_GAP_DAYS)) {
			problems.add(new InvalidInput.Problem("evergreen.minimumGapDays", "range", "must be between 1 and " + MAX_GAP_DAYS + " days"));
		}
		if (targets.isEmpty()) {
			problems.add(new InvalidInput.Problem("targets", "required", "choose at least one account"));
		}
		Instant now = clock.instant();
		// Lock every chosen account's queue in one order (by id): two people queuing on accounts
		// [A, B] and [B, A] at the same moment then wait for each other instead of deadlocking.
		targets.stream().map(PostDraft.TargetDraft::connectionId).filter(java.util.Objects::nonNull).distinct().sorted()
			.forEach(id -> settings.lock(member.workspaceId(), id));
		List<Instant> dues = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			slotFor(member, targets.get(i), "targets[" + i + "].connectionId", now, problems).ifPresent(dues::add);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant first = dues.stream().min(Comparator.naturalOrder()).orElseThrow();
		PostView post = plan.create(member, new PostDraft(targets, new PostDraft.At(first, member.workspaceZone()), labels,
				submissionKey), dues);
		for (TargetView t : post.targets()) {
			entries.add(t.id(), post.id(), member.workspaceId(), t.connectionId(), now);
			if (evergreenGapDays != null) {
				evergreens.start(member, t, Duration.ofDays(evergreenGapDays), now);
			}
		}
		return post;
	}

	/** The account's next free slot, its queue row locked until the post is saved. */
	Optional<Instant> slotFor(Member member, PostDraft.TargetDraft target, String field, Instant after,
			List<InvalidInput.Problem> problems) {
		if (target.connectionId() == null) {
			problems.add(new InvalidInput.Problem(field, "required", "choose an account"));
			return Optional.empty();
		}
		ConnectionView account;
		try {
			account = connections.get(member.workspaceId(), target.connectionId());
		}
		catch (NotFound e) {
			problems.add(new InvalidInput.Problem(field, "exists", "no such account in this workspace"));
			return Optional.empty();
		}
		Optional<QueueSettings.AccountQueue> queue = settings.lock(member.workspaceId(), account.id());
		if (queue.isEmpty()) {
			problems.add(new InvalidInput.Problem(field, "slots", account.handle() + " has no posting slots yet: set them on the Queue page"));
			return Optional.empty();
		}
		Optional<Instant> slot = accountPlan.nextFree(member, account, queue.get(), after);
		if (slot.isEmpty()) {
			problems.add(new InvalidInput.Problem(field, "queue-full", account.handle() + " has no free slot in the next "
					+ NextFreeSlot.HORIZON_DAYS + " days (slots and daily cap all taken)"));
		}
		return slot;
	}
}
