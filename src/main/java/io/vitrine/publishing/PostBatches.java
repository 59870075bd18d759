package io.vitrine.publishing;

import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.publishing.internal.ScheduleParser;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Many posts at once (bulk import and export), through exactly the path the composer takes: the same
 * checks per account and per network, the same rows and transitions. Approval rules, when they come, apply
 * here as they apply to {@code ComposePost}, since every post is still created by it.
 */
@Component
public class PostBatches {

	/** The most targets one export reads. */
	public static final int MAX_EXPORT = 100_000;

	private final ComposePost compose;

	private final Targets targets;

	PostBatches(ComposePost compose, Targets targets) {
		this.compose = compose;
		this.targets = targets;
	}

	/**
	 * "When" as the composer reads it: an instant with offset, or a wall-clock time in {@code timeZone} (else
	 * {@code defaultZone}); blank means a draft. Refused with the fields {@code scheduledAt} or {@code timeZone}.
	 */
	public PostDraft.When when(String scheduledAt, String timeZone, ZoneId defaultZone) {
		return scheduledAt == null || scheduledAt.isBlank() ? new PostDraft.AsDraft()
				: ScheduleParser.at(scheduledAt, timeZone, defaultZone);
	}

	/** What the composer would refuse in this draft, with the composer's field names; nothing saved. */
	public List<InvalidInput.Problem> check(Member member, PostDraft draft) {
		return compose.problems(member, draft);
	}

	/**
	 * Creates every draft in one transaction (the caller's, when it has one): all are saved or none.
	 * Check them with {@link #check} first; an invalid one refuses the whole batch.
	 */
	@Transactional
	public List<PostView> createAll(Member member, List<PostDraft> drafts) {
		List<PostView> created = new ArrayList<>(drafts.size());
		for (PostDraft draft : drafts) {
			created.add(compose.create(member, draft));
		}
		return created;
	}

	/**
	 * The workspace's targets for an export, oldest due first, drafts last: due in [from, to) when given,
	 * of one account and in one state when given (cancelled ones only when that state is asked for).
	 */
	public List<TargetView> matching(Member member, Instant from, Instant to, UUID connectionId, TargetState state) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return targets.matching(member.workspaceId(), from, to, connectionId, state, MAX_EXPORT);
	}

	/** The category and campaign of each of these posts, for an export. */
	public java.util.Map<UUID, PostLabels> labels(Member member, java.util.Collection<UUID> postIds) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return targets.labels(member.workspaceId(), postIds);
	}
}
