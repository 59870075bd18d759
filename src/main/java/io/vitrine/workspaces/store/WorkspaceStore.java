package io.vitrine.workspaces.store;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.Ids;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.Workspaces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of workspace and membership. Every read is by a member: there is no "all workspaces" query. */
@Repository
public class WorkspaceStore implements Workspaces, WorkspaceAccess {

	public record MembershipRow(UUID userId, Role role, java.time.Instant since) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	WorkspaceStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Member require(CurrentUser user, UUID workspaceId) {
		return member(user.id(), workspaceId).orElseThrow(() -> new NotFound("workspace"));
	}

	public Optional<Member> member(UUID userId, UUID workspaceId) {
		if (userId == null || workspaceId == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select w.id, w.name, w.time_zone, m.role from membership m join workspace w on w.id = m.workspace_id
				where m.user_id = ? and m.workspace_id = ?""")
			.params(userId, workspaceId)
			.query((rs, row) -> new Member(userId, rs.getObject("id", UUID.class), rs.getString("name"),
					Role.valueOf(rs.getString("role")), ZoneId.of(rs.getString("time_zone"))))
			.optional();
	}

	@Override
	public List<WorkspaceSummary> of(CurrentUser user) {
		return jdbc.sql("""
				select w.id, w.name, w.time_zone, m.role from membership m join workspace w on w.id = m.workspace_id
				where m.user_id = ? order by lower(w.name), w.id""")
			.param(user.id())
			.query(WorkspaceStore::summary)
			.list();
	}

	/** Creates the workspace with its first member, an owner. */
	public WorkspaceSummary create(UUID ownerId, String name, ZoneId zone) {
		UUID id = Ids.next();
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("insert into workspace (id, name, time_zone, created_at) values (?, ?, ?, ?)")
			.params(id, name, zone.getId(), now)
			.update();
		addMember(id, ownerId, Role.OWNER);
		return new WorkspaceSummary(id, name, zone, Role.OWNER);
	}

	public void update(UUID workspaceId, String name, ZoneId zone) {
		jdbc.sql("update workspace set name = ?, time_zone = ? where id = ?").params(name, zone.getId(), workspaceId).update();
	}

	public void addMember(UUID workspaceId, UUID userId, Role role) {
		jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)")
			.params(workspaceId, userId, role.name(), clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	public List<MembershipRow> members(UUID workspaceId) {
		return jdbc.sql("select user_id, role, created_at from membership where workspace_id = ? order by created_at, user_id")
			.param(workspaceId)
			.query((rs, row) -> new MembershipRow(rs.getObject("user_id", UUID.class), Role.valueOf(rs.getString("role")),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Locks the workspace row until the transaction ends. Role changes and removals take it first,
	 * so two owners demoting each other at the same moment are serialized and the second one sees
	 * that it would leave the workspace without an owner.
	 */
	public void lock(UUID workspaceId) {
		jdbc.sql("select id from workspace where id = ? for update").param(workspaceId).query(UUID.class).optional();
	}

	public long ownerCount(UUID workspaceId) {
		return jdbc.sql("select count(*) from membership where workspace_id = ? and role = ?")
			.params(workspaceId, Role.OWNER.name())
			.query(Long.class)
			.single();
	}

	public void changeRole(UUID workspaceId, UUID userId, Role role) {
		jdbc.sql("update membership set role = ? where workspace_id = ? and user_id = ?")
			.params(role.name(), workspaceId, userId)
			.update();
	}

	public void removeMember(UUID workspaceId, UUID userId) {
		jdbc.sql("delete from membership where workspace_id = ? and user_id = ?").params(workspaceId, userId).update();
	}

	private static WorkspaceSummary summary(ResultSet rs, int row) throws SQLException {
		return new WorkspaceSummary(rs.getObject("id", UUID.class), rs.getString("name"),
				ZoneId.of(rs.getString("time_zone")), Role.valueOf(rs.getString("role")));
	}
}
