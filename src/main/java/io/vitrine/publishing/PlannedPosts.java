package io.vitrine.publishing;

import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.PostActions;
import io.vitrine.publishing.internal.ScheduleParser;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other modules (the calendar, the queue) may read and change of the plan: targets by time,
 * moving one, and saving or cancelling posts.
 */
@Component
public class PlannedPosts {

	private final Targets targets;

	private final PostActions actions;

	private final ComposePost compose;

	PlannedPosts(Targets targets, PostActions actions, ComposePost compose) {
		this.targets = targets;
		this.actions = actions;
		this.compose = compose;
	}

	/** Saves a post as the composer does (checked the same way). */
	public PostView create(Member member, PostDraft draft) {
		return compose.create(member, draft);
	}

	/** Saves a scheduled post whose targets are each due at their own time; {@code draft.when()} is the earliest. */
	public PostView create(Member member, PostDraft draft, List<Instant> duePerTarget) {
		return compose.create(member, draft, duePerTarget);
	}

	/** Cancels what has not started; returns how many targets were cancelled. */
	public int cancel(Member member, UUID postId) {
		return actions.cancel(member, postId);
	}

	/** One account's targets due in [from, to), cancelled ones left out, at most {@code limit}. */
	public List<TargetView> accountDueBetween(Member member, UUID connectionId, Instant from, Instant to, int limit) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return targets.accountDueBetween(member.workspaceId(), connectionId, from, to, limit);
	}

	/** Moves a scheduled target to an instant, checked as {@link #reschedule(Member, UUID, String, String)}. */
	public TargetView reschedule(Member member, UUID targetId, Instant at) {
		return actions.reschedule(member, targetId, at);
	}

	/** The member's workspace's targets due in [from, to), at most {@code limit}. */
	public List<TargetView> dueBetween(Member member, Instant from, Instant to, int limit) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return targets.dueBetween(member.workspaceId(), from, to, limit);
	}

	/**
	 * A workspace's targets due in [from, to), at most {@code limit}, for its calendar feed: a private address
	 * whose token the calendar module checked stands for the workspace, with no person behind the request.
	 */
	public List<TargetView> forFeed(UUID workspaceId, Instant from, Instant to, int limit) {
		return targets.dueBetween(workspaceId, from, to, limit);
	}

	/** The category and campaign of the posts with targets due in [from, to) that have either, by post id. */
	public Map<UUID, PostLabels> labelsDueBetween(Member member, Instant from, Instant to) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return targets.labelsDueBetween(member.workspaceId(), from, to);
	}

	/** The campaign tags the workspace's posts carry, alphabetically (for filters and the composer's suggestions). */
	public List<String> campaigns(Member member) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return targets.campaigns(member.workspaceId());
	}

	public java.util.Optional<TargetView> find(Member member, UUID targetId) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return targets.find(member.workspaceId(), targetId);
	}

	/**
	 * Moves a scheduled target; {@code scheduledAt} is an instant with offset or a wall-clock time
	 * in {@code timeZone} (the workspace's when blank). Refused with a field error when it cannot move.
	 */
	public TargetView reschedule(Member member, UUID targetId, String scheduledAt, String timeZone) {
		Instant at = ScheduleParser.at(scheduledAt, timeZone, member.workspaceZone()).instant();
		return actions.reschedule(member, targetId, at);
	}
}
