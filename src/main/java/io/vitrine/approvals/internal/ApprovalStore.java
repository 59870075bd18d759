package io.vitrine.approvals.internal;

import io.vitrine.approvals.ApprovalStatus;
import io.vitrine.approvals.Decision;
import io.vitrine.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Posts under approval, their decisions and comments. */
@Component
public class ApprovalStore {

	private final JdbcClient jdbc;

	ApprovalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record PostApproval(UUID postId, UUID workspaceId, UUID authorId, ApprovalStatus status, int round, Integer step) {
	}

	public record DecisionRow(Instant at, int round, int step, String stepName, Decision decision, UUID userId,
			String reviewerName, boolean counted, String comment) {
	}

	public record CommentRow(Instant at, UUID userId, String authorName, String body) {
	}

	private static final String COLUMNS = "post_id, workspace_id, author_id, status, round, step";

	public Optional<PostApproval> find(UUID workspaceId, UUID postId) {
		return jdbc.sql("select " + COLUMNS + " from post_approval where post_id = ? and workspace_id = ?")
			.params(postId, workspaceId)
			.query(this::row)
			.optional();
	}

	/** Locks the row for the rest of the transaction: two approvers deciding at once are taken one after the other. */
	public Optional<PostApproval> lock(UUID workspaceId, UUID postId) {
		return jdbc.sql("select " + COLUMNS + " from post_approval where post_id = ? and workspace_id = ? for update")
			.params(postId, workspaceId)
			.query(this::row)
			.optional();
	}

	public List<PostApproval> pending(UUID workspaceId) {
		return jdbc.sql("select " + COLUMNS + " from post_approval where workspace_id = ? and status = 'pending' order by post_id")
			.param(workspaceId)
			.query(this::row)
			.list();
	}

	public void insert(PostApproval a, Instant now) {
		jdbc.sql("insert into post_approval (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(a.postId(), a.workspaceId(), a.authorId(), a.status().value(), a.round(), a.step(), Db.ts(now))
			.update();
	}

	public void update(UUID postId, ApprovalStatus status, int round, Integer step, Instant now) {
		jdbc.sql("update post_approval set status = ?, round = ?, step = ?, updated_at = ? where post_id = ?")
			.params(status.value(), round, step, Db.ts(now), postId)
			.update();
	}

	public void addDecision(PostApproval a, int step, String stepName, Decision decision, UUID userId, String reviewerName,
			boolean counted, String comment, Instant now) {
		jdbc.sql("insert into approval_decision (id, post_id, workspace_id, round, step, step_name, decision, user_id,"
				+ " reviewer_name, counted, comment, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.next(), a.postId(), a.workspaceId(), a.round(), step, stepName, decision.value(), userId, reviewerName,
					counted, comment, Db.ts(now))
			.update();
	}

	public List<DecisionRow> decisions(UUID postId) {
		return jdbc.sql("select at, round, step, step_name, decision, user_id, reviewer_name, counted, comment"
				+ " from approval_decision where post_id = ? order by at, id")
			.param(postId)
			.query((rs, n) -> new DecisionRow(Db.instant(rs, "at"), rs.getInt("round"), rs.getInt("step"), rs.getString("step_name"),
					Decision.parse("decision", rs.getString("decision")), rs.getObject("user_id", UUID.class),
					rs.getString("reviewer_name"), rs.getBoolean("counted"), rs.getString("comment")))
			.list();
	}

	/** The counted votes of each pending post's current round, for the whole workspace in one query. */
	public Map<UUID, List<ApprovalRules.Vote>> pendingVotes(UUID workspaceId) {
		Map<UUID, List<ApprovalRules.Vote>> votes = new HashMap<>();
		jdbc.sql("select d.post_id, d.step, d.user_id, d.decision from approval_decision d join post_approval a"
				+ " on a.post_id = d.post_id and a.round = d.round where a.workspace_id = ? and a.status = 'pending' and d.counted")
			.param(workspaceId)
			.query(rs -> {
				votes.computeIfAbsent(rs.getObject("post_id", UUID.class), k -> new java.util.ArrayList<>())
					.add(new ApprovalRules.Vote(rs.getInt("step"), rs.getObject("user_id", UUID.class),
							Decision.parse("decision", rs.getString("decision"))));
			});
		return votes;
	}

	public List<ApprovalRules.Vote> votes(UUID postId, int round) {
		return jdbc.sql("select step, user_id, decision from approval_decision where post_id = ? and round = ? and counted")
			.params(postId, round)
			.query((rs, n) -> new ApprovalRules.Vote(rs.getInt("step"), rs.getObject("user_id", UUID.class),
					Decision.parse("decision", rs.getString("decision"))))
			.list();
	}

	public void addComment(UUID workspaceId, UUID postId, UUID userId, String authorName, String body, Instant now) {
		jdbc.sql("insert into approval_comment (id, post_id, workspace_id, user_id, author_name, body, at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.next(), postId, workspaceId, userId, authorName, body, Db.ts(now))
			.update();
	}

	public List<CommentRow> comments(UUID postId) {
		return jdbc.sql("select at, user_id, author_name, body from approval_comment where post_id = ? order by at, id")
			.param(postId)
			.query((rs, n) -> new CommentRow(Db.instant(rs, "at"), rs.getObject("user_id", UUID.class), rs.getString("author_name"),
					rs.getString("body")))
			.list();
	}

	private PostApproval row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		// wasNull speaks of the last column read: ask it before reading any other.
		int raw = rs.getInt("step");
		Integer step = rs.wasNull() ? null : raw;
		return new PostApproval(rs.getObject("post_id", UUID.class), rs.getObject("workspace_id", UUID.class),
				rs.getObject("author_id", UUID.class), ApprovalStatus.fromDb(rs.getString("status")), rs.getInt("round"),
				step);
	}
}
