package io.vitrine.scheduling.internal;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts a published evergreen post back into its account's queue, on the first free slot no closer
 * than the minimum gap to the publication. It acts for the person who made the post evergreen, with
 * the role they hold now: someone who left the workspace or may no longer schedule stops it.
 */
@Service
public class EvergreenRequeue {

	public enum Outcome { REQUEUED, WAITING, STOPPED }

	private final Evergreens evergreens;

	private final WorkspaceAccess access;

	private final PlannedPosts plan;

	private final Connections connections;

	private final QueueSettings settings;

	private final AccountPlan accountPlan;

	private final QueueEntries entries;

	private final Clock clock;

	EvergreenRequeue(Evergreens evergreens, WorkspaceAccess access, PlannedPosts plan, Connections connections, QueueSettings settings,
			AccountPlan accountPlan, QueueEntries entries, Clock clock) {
		this.evergreens = evergreens;
		this.access = access;
		this.plan = plan;
		this.connections = connections;
		this.settings = settings;
		this.accountPlan = accountPlan;
		this.entries = entries;
		this.clock = clock;
	}

	/** The earliest moment the next copy may go out: the gap after the previous publication, and never in the past. */
	public static Instant earliestNext(Instant publishedAt, Duration minimumGap, Instant now) {
		Instant afterGap = publishedAt.plus(minimumGap);
		return afterGap.isAfter(now) ? afterGap : now;
	}

	/**
	 * Looks at one evergreen post under its row lock (two nodes never both re-queue one publication).
	 * Variant or account problems surface as {@link io.vitrine.shared.InvalidInput}; the caller stops
	 * the evergreen with that reason, outside this (rolled back) transaction.
	 */
	@Transactional
	public Outcome requeue(UUID evergreenId) {
		Instant now = clock.instant();
		Optional<Evergreens.Evergreen> locked = evergreens.lock(evergreenId);
		if (locked.isEmpty() || locked.get().stoppedAt() != null) {
			return Outcome.STOPPED;
		}
		Evergreens.Evergreen e = locked.get();
		Member member;
		try {
			member = access.require(new CurrentUser(e.createdBy(), null, null), e.workspaceId());
		}
		catch (NotFound left) {
			return stop(e, "the person who made it evergreen is no longer a member of the workspace", now);
		}
		if (!Policies.MAY_SCHEDULE.test(member)) {
			return stop(e, "the person who made it evergreen may no longer schedule posts", now);
		}
		Optional<TargetView> current = plan.find(member, e.currentTargetId());
		if (current.isEmpty()) {
			return stop(e, "its latest copy no longer exists", now);
		}
		TargetView t = current.get();
		switch (t.state()) {
			case PUBLISHED -> {
			}
			case CANCELLED -> {
				return stop(e, "its latest copy was cancelled", now);
			}
			case FAILED -> {
				return stop(e, "its latest copy failed: " + t.failureReason(), now);
			}
			default -> {
				return Outcome.WAITING;
			}
		}
		ConnectionView account;
		try {
			account = connections.get(e.workspaceId(), e.connectionId());
		}
		catch (NotFound gone) {
			return stop(e, "its account was disconnected", now);
		}
		Optional<QueueSettings.AccountQueue> queue = settings.lock(e.workspaceId(), account.id());
		if (queue.isEmpty()) {
			return stop(e, account.handle() + " has no posting slots any more", now);
		}
		Instant published = t.publishedAt() != null ? t.publishedAt() : t.dueAt();
		// The slot may fall exactly on the end of the gap: "after" is exclusive, hence one nanosecond earlier.
		Optional<Instant> slot = accountPlan.nextFree(member, account, queue.get(),
				earliestNext(published, e.minimumGap(), now).minusNanos(1));
		if (slot.isEmpty()) {
			return Outcome.WAITING;
		}
		List<PostDraft.ImageDraft> images = t.images().stream().map(i -> new PostDraft.ImageDraft(i.mediaId(), i.altText())).toList();
		PostView copy = plan.create(member, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(), t.text(), t.link(), images)),
				new PostDraft.At(slot.get(), account.zoneOr(member.workspaceZone()))));
		TargetView next = copy.targets().getFirst();
		entries.add(next.id(), copy.id(), e.workspaceId(), account.id(), now);
		evergreens.requeued(e.id(), next.id(), published);
		return Outcome.REQUEUED;
	}

	private Outcome stop(Evergreens.Evergreen e, String reason, Instant now) {
		evergreens.stop(e.id(), reason, now);
		return Outcome.STOPPED;
	}
}
