package io.vitrine.publishing;

import io.vitrine.publishing.internal.Targets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The approval workflow's handle on publishing: read a post under review, and release it once
 * approved. Holding is publishing's own business (a post saved or edited under approval is held in
 * the same transaction); the engine never claims a held target, whatever its state.
 */
@Component
public class ApprovalHolds {

	private final JdbcClient jdbc;

	private final Targets targets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApprovalHolds(JdbcClient jdbc, Targets targets, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.events = events;
		this.clock = clock;
	}

	/** Without any permission check: callers have checked who may see the post. */
	public Optional<PostView> post(UUID workspaceId, UUID postId) {
		return targets.post(workspaceId, postId);
	}

	public boolean held(UUID postId) {
		return jdbc.sql("select count(*) from post_target where post_id = ? and awaiting_approval")
			.param(postId)
			.query(Long.class)
			.single() > 0;
	}

	/** Which of the account's targets wait for approval (the queue marks them), without any permission check. */
	public Set<UUID> heldTargets(UUID workspaceId, UUID connectionId) {
		return Set.copyOf(jdbc.sql("select id from post_target where workspace_id = ? and connection_id = ? and awaiting_approval"
				+ " and state in ('draft', 'scheduled')")
			.params(workspaceId, connectionId)
			.query(UUID.class)
			.list());
	}

	/** Approved: every target may go out; those already due go at once. */
	public int release(UUID workspaceId, UUID postId) {
		int released = jdbc.sql("update post_target set awaiting_approval = false, updated_at = ?"
				+ " where post_id = ? and workspace_id = ? and awaiting_approval")
			.params(clock.instant().atOffset(ZoneOffset.UTC), postId, workspaceId)
			.update();
		long due = jdbc.sql("select count(*) from post_target where post_id = ? and state = 'scheduled' and due_at <= ?")
			.params(postId, clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		if (due > 0) {
			events.publishEvent(new TargetsBecameDue((int) due));
		}
		return released;
	}

	/** Not (or no longer) approved: the post's targets that have not started wait again. */
	public int hold(UUID workspaceId, UUID postId) {
		return jdbc.sql("update post_target set awaiting_approval = true, updated_at = ?"
				+ " where post_id = ? and workspace_id = ? and state in ('draft', 'scheduled') and not awaiting_approval")
			.params(clock.instant().atOffset(ZoneOffset.UTC), postId, workspaceId)
			.update();
	}
}
