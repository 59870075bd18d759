package io.vitrine.scheduling.internal;

import io.vitrine.publishing.TargetView;
import io.vitrine.shared.Ids;
import io.vitrine.workspaces.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Evergreen posts: for each (post, account), the latest copy and the minimum gap between publications. */
@Component
public class Evergreens {

	public record Evergreen(UUID id, UUID workspaceId, UUID createdBy, UUID connectionId, UUID currentTargetId, Duration minimumGap,
			int timesRequeued, Instant lastPublishedAt, Instant stoppedAt, String stopReason) {
	}

	private final JdbcClient jdbc;

	Evergreens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void start(Member member, TargetView target, Duration gap, Instant now) {
		jdbc.sql("insert into evergreen_post (id, workspace_id, created_by, connection_id, current_target_id, min_gap_seconds,"
				+ " times_requeued, created_at) values (?, ?, ?, ?, ?, ?, 0, ?)")
			.params(Ids.next(), member.workspaceId(), member.userId(), target.connectionId(), target.id(), gap.toSeconds(), ts(now))
			.update();
	}

	public List<Evergreen> active() {
		return jdbc.sql("select * from evergreen_post where stopped_at is null order by id").query(this::row).list();
	}

	public List<Evergreen> of(UUID workspaceId) {
		return jdbc.sql("select * from evergreen_post where workspace_id = ? order by id").param(workspaceId).query(this::row).list();
	}

	public Optional<Evergreen> find(UUID workspaceId, UUID id) {
		return jdbc.sql("select * from evergreen_post where workspace_id = ? and id = ?").params(workspaceId, id).query(this::row).optional();
	}

	/** Locks the row until the transaction ends: one node at a time decides about one evergreen post. */
	public Optional<Evergreen> lock(UUID id) {
		return jdbc.sql("select * from evergreen_post where id = ? for update").param(id).query(this::row).optional();
	}

	public void requeued(UUID id, UUID newTargetId, Instant publishedAt) {
		jdbc.sql("update evergreen_post set current_target_id = ?, times_requeued = times_requeued + 1, last_published_at = ?"
				+ " where id = ?")
			.params(newTargetId, ts(publishedAt), id)
			.update();
	}

	/** A person stops an evergreen post: its copy already queued stays, no further copy is made. */
	public Evergreen stopBy(Member member, UUID id, Instant now) {
		find(member.workspaceId(), id).orElseThrow(() -> new io.vitrine.shared.NotFound("evergreen post " + id));
		io.vitrine.workspaces.Policies.require(io.vitrine.workspaces.Policies.MAY_SCHEDULE, member, "stop evergreen posts");
		stop(id, "stopped by " + member.userId(), now);
		return find(member.workspaceId(), id).orElseThrow();
	}

	public void stop(UUID id, String reason, Instant now) {
		jdbc.sql("update evergreen_post set stopped_at = ?, stop_reason = ? where id = ? and stopped_at is null")
			.params(ts(now), reason.length() > 500 ? reason.substring(0, 500) : reason, id)
			.update();
	}

	private Evergreen row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Evergreen(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
				rs.getObject("created_by", UUID.class), rs.getObject("connection_id", UUID.class),
				rs.getObject("current_target_id", UUID.class), Duration.ofSeconds(rs.getLong("min_gap_seconds")),
				rs.getInt("times_requeued"), instant(rs, "last_published_at"), instant(rs, "stopped_at"), rs.getString("stop_reason"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime ts(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
