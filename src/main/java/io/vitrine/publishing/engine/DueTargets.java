package io.vitrine.publishing.engine;

import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.internal.Sql;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.publishing.internal.Transitions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims due targets for this node: scheduled → publishing with a lease, in one transaction, so
 * that two nodes never claim the same target.
 */
@Component
class DueTargets {

	/**
	 * A target awaiting approval is never due, whatever its state says: the approval workflow's guard
	 * lives here, in the rows the claim reads anyway (no extra query per target).
	 */
	private static final String DUE = "t.state = 'scheduled' and t.due_at <= ? and (t.not_before is null or t.not_before <= ?)"
			+ " and t.awaiting_approval = false"
			+ " and not exists (select 1 from connection c where c.id = t.connection_id and c.paused_until > ?)";

	/**
	 * The index post_target_claim's own order. State is fixed by the condition, so it changes nothing
	 * in the result, but H2 walks the index in order (and stops after the batch) only when the order
	 * names every leading column of the index.
	 */
	private static final String IN_CLAIM_ORDER = " order by t.state, t.due_at, t.id";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final Transitions transitions;

	private final Targets targets;

	private final boolean postgres;

	DueTargets(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Transitions transitions, Targets targets,
			DataSource dataSource) {
		this.targets = targets;
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.transitions = transitions;
		this.postgres = isPostgres(dataSource);
	}

	/** The claimed targets as they are now: publishing, their attempt counted, their images read. */
	List<TargetView> claim(String owner, Instant now, Instant leaseUntil, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return tx.execute(status -> {
			List<TargetView> claimed = postgres ? claimWithSkipLocked(owner, now, leaseUntil, limit)
					: claimOneByOne(owner, now, leaseUntil, limit);
			String reason = "claimed by " + owner;
			transitions.recordAll(claimed.stream()
				.map(t -> new Transitions.Change(t.id(), TargetState.SCHEDULED, TargetState.PUBLISHING, now, reason))
				.toList());
			return targets.withImages(claimed);
		});
	}

	/** Rows another node is claiming are skipped, not waited for, so nodes drain a burst side by side. */
	private List<TargetView> claimWithSkipLocked(String owner, Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("update post_target t set state = 'publishing', lease_owner = ?, lease_until = ?, attempts = attempts + 1,"
				+ " updated_at = ? where id in (select t.id from post_target t where " + DUE
				+ IN_CLAIM_ORDER + " limit ? for update skip locked) returning " + Targets.COLUMNS)
			.params(owner, Sql.ts(leaseUntil), Sql.ts(now), Sql.ts(now), Sql.ts(now), Sql.ts(now), limit)
			.query(targets::target)
			.list();
	}

	/**
	 * H2 has no SKIP LOCKED: candidates are read without locks, then each is taken by an update that
	 * only matches while the row is still scheduled. A row another transaction took in between
	 * matches nothing, so it is never claimed twice. Candidates come in one total order (due_at, id)
	 * so that two claimers lock rows in the same order and cannot deadlock on ties.
	 */
	private List<TargetView> claimOneByOne(String owner, Instant now, Instant leaseUntil, int limit) {
		List<TargetView> candidates = jdbc.sql("select " + Targets.COLUMNS + " from post_target t where " + DUE
				+ IN_CLAIM_ORDER + " limit ?")
			.params(Sql.ts(now), Sql.ts(now), Sql.ts(now), limit)
			.query(targets::target)
			.list();
		if (candidates.isEmpty()) {
			return candidates;
		}
		int[][] counts = template.batchUpdate("update post_target set state = 'publishing', lease_owner = ?, lease_until = ?,"
				+ " attempts = attempts + 1, updated_at = ? where id = ? and state = 'scheduled' and awaiting_approval = false",
				candidates, candidates.size(),
				(ps, target) -> {
					ps.setString(1, owner);
					ps.setObject(2, Sql.ts(leaseUntil));
					ps.setObject(3, Sql.ts(now));
					ps.setObject(4, target.id());
				});
		List<TargetView> claimed = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			if (counts[0][i] == 1) {
				TargetView t = candidates.get(i);
				claimed.add(new TargetView(t.id(), t.postId(), t.workspaceId(), t.connectionId(), t.text(), t.link(), t.images(),
						TargetState.PUBLISHING, t.dueAt(), t.notBefore(), t.attempts() + 1, t.remoteId(), t.remoteUrl(),
						t.failureReason(), t.publishedAt(), now, t.fields(), t.pendingRef()));
			}
		}
		return claimed;
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot read the database product", e);
		}
	}
}
