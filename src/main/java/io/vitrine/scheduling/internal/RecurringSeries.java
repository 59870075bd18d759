package io.vitrine.scheduling.internal;

import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Recurring posts. A series is expanded at once into one scheduled post per occurrence, rather than
 * over a rolling horizon: every series is bounded (an end date or a count, at most
 * {@link Recurrence#MAX_OCCURRENCES}), so each occurrence is an ordinary post from the start — on
 * the calendar, validated now rather than discovered invalid weeks later, movable and cancellable
 * one by one — and nothing depends on a background step that could fall behind or run twice.
 */
@Service
public class RecurringSeries {

	public record Series(UUID id, UUID workspaceId, String rule, Instant createdAt, Instant cancelledAt, List<UUID> postIds) {
	}

	private final JdbcClient jdbc;

	private final PlannedPosts plan;

	private final Clock clock;

	RecurringSeries(JdbcClient jdbc, PlannedPosts plan, Clock clock) {
		this.jdbc = jdbc;
		this.plan = plan;
		this.clock = clock;
	}

	@Transactional
	public Series create(Member member, List<PostDraft.TargetDraft> targets, Recurrence rule) {
		Policies.require(Policies.MAY_SCHEDULE, member, "schedule recurring posts");
		Instant now = clock.instant();
		List<Instant> occurrences = rule.instants();
		if (!occurrences.getFirst().isAfter(now)) {
			throw InvalidInput.of("start", "future", "the first occurrence must be in the future");
		}
		UUID id = Ids.next();
		jdbc.sql("insert into recurring_series (id, workspace_id, created_by, rule, created_at) values (?, ?, ?, ?, ?)")
			.params(id, member.workspaceId(), member.userId(), rule.describe(), ts(now))
			.update();
		for (int i = 0; i < occurrences.size(); i++) {
			PostView post = plan.create(member, new PostDraft(targets, new PostDraft.At(occurrences.get(i), rule.zone())));
			jdbc.sql("insert into recurring_post (series_id, post_id, occurrence) values (?, ?, ?)").params(id, post.id(), i + 1).update();
		}
		return find(member, id);
	}

	public Series find(Member member, UUID id) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		return jdbc.sql("select id, workspace_id, rule, created_at, cancelled_at from recurring_series where id = ? and workspace_id = ?")
			.params(id, member.workspaceId())
			.query((rs, row) -> new Series(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), rs.getString("rule"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), cancelledAt(rs.getObject("cancelled_at", OffsetDateTime.class)),
					posts(id)))
			.optional()
			.orElseThrow(() -> new NotFound("recurring series " + id));
	}

	public List<Series> list(Member member) {
		List<UUID> ids = jdbc.sql("select id from recurring_series where workspace_id = ? order by id desc limit 200")
			.param(member.workspaceId())
			.query(UUID.class)
			.list();
		List<Series> series = new ArrayList<>();
		ids.forEach(id -> series.add(find(member, id)));
		return series;
	}

	/** Cancels every occurrence that has not started; those already sent stay as they are. */
	@Transactional
	public int cancel(Member member, UUID id) {
		Policies.require(Policies.MAY_COMPOSE, member, "cancel posts");
		Series series = find(member, id);
		int cancelled = 0;
		for (UUID postId : series.postIds()) {
			cancelled += plan.cancel(member, postId);
		}
		jdbc.sql("update recurring_series set cancelled_at = coalesce(cancelled_at, ?) where id = ?").params(ts(clock.instant()), id).update();
		return cancelled;
	}

	private List<UUID> posts(UUID seriesId) {
		return jdbc.sql("select post_id from recurring_post where series_id = ? order by occurrence").param(seriesId).query(UUID.class).list();
	}

	private static Instant cancelledAt(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime ts(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
