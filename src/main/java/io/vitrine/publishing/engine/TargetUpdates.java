package io.vitrine.publishing.engine;

import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.internal.Sql;
import io.vitrine.publishing.internal.Transitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves a claimed target to its next state, only while this node still holds the claim, and
 * records the transition in the same transaction.
 */
@Component
class TargetUpdates {

	private static final Logger log = LoggerFactory.getLogger(TargetUpdates.class);

	/** At most this many rows per group commit: big enough for a burst, small enough to keep each transaction short. */
	private static final int MAX_GROUP = 500;

	private record Sending(UUID id, String owner, Instant now) {
	}

	private record Published(UUID id, TargetState from, String remoteId, String remoteUrl, Instant now, String reason) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final Transitions transitions;

	private final HeartbeatGate gate;

	private final GroupCommit<Sending, Boolean> sending;

	private final GroupCommit<Published, Boolean> published;

	TargetUpdates(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Transitions transitions, HeartbeatGate gate) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.transitions = transitions;
		this.gate = gate;
		this.sending = new GroupCommit<>("engine-sending-writer", MAX_GROUP, this::markAllSending);
		this.published = new GroupCommit<>("engine-published-writer", MAX_GROUP, this::writeAllPublished);
	}

	@PreDestroy
	void close() {
		sending.close();
		published.close();
	}

	/**
	 * Written and committed before the request leaves, so a crash afterwards is known to be
	 * ambiguous. False when this node no longer holds the claim: then nothing may be sent.
	 */
	boolean markSending(UUID id, String owner, Instant now) {
		return sending.submit(new Sending(id, owner, now));
	}

	private List<Boolean> markAllSending(List<Sending> group) {
		return gate.groupWrite(() -> tx.execute(status -> {
			int[][] counts = template.batchUpdate("update post_target set sent_at = coalesce(sent_at, ?), updated_at = ?"
					+ " where id = ? and lease_owner = ? and state = 'publishing'", group, group.size(), (ps, s) -> {
						ps.setObject(1, Sql.ts(s.now()));
						ps.setObject(2, Sql.ts(s.now()));
						ps.setObject(3, s.id());
						ps.setString(4, s.owner());
					});
			return matched(counts[0]);
		}));
	}

	/**
	 * The remote id is stored whatever happened to the claim meanwhile: once the network has the
	 * post, losing its id would make the next reconciliation guess.
	 */
	void published(UUID id, TargetState from, String remoteId, String remoteUrl, Instant now, String reason) {
		if (!published.submit(new Published(id, from, remoteId, remoteUrl, now, reason))) {
			log.warn("Target {} was published as {} but is no longer publishing or unknown", id, remoteId);
		}
	}

	private List<Boolean> writeAllPublished(List<Published> group) {
		return gate.groupWrite(() -> tx.execute(status -> {
			int[][] counts = template.batchUpdate("update post_target set state = 'published', remote_id = ?, remote_url = ?,"
					+ " published_at = ?, failure_reason = null, not_before = null, lease_owner = null, lease_until = null,"
					+ " updated_at = ? where id = ? and state in ('publishing', 'unknown')", group, group.size(), (ps, p) -> {
						ps.setString(1, p.remoteId());
						ps.setString(2, p.remoteUrl());
						ps.setObject(3, Sql.ts(p.now()));
						ps.setObject(4, Sql.ts(p.now()));
						ps.setObject(5, p.id());
					});
			List<Boolean> matched = matched(counts[0]);
			List<Transitions.Change> changes = new ArrayList<>();
			for (int i = 0; i < group.size(); i++) {
				Published p = group.get(i);
				if (matched.get(i)) {
					changes.add(new Transitions.Change(p.id(), p.from(), TargetState.PUBLISHED, p.now(), p.reason()));
				}
			}
			transitions.recordAll(changes);
			return matched;
		}));
	}

	/** A batch may answer SUCCESS_NO_INFO instead of a count; only a plain 0 means the row did not match. */
	private static List<Boolean> matched(int[] counts) {
		List<Boolean> matched = new ArrayList<>(counts.length);
		for (int count : counts) {
			matched.add(count != 0);
		}
		return matched;
	}

	boolean move(UUID id, String owner, TargetState from, TargetState to, Instant notBefore, String failure,
			Instant now, String reason) {
		Boolean moved = tx.execute(status -> {
			int updated = jdbc.sql("update post_target set state = ?, not_before = ?, failure_reason = ?, lease_owner = null,"
					+ " lease_until = null, updated_at = ? where id = ? and state = ? and lease_owner = ?")
				.params(to.dbValue(), Sql.ts(notBefore), Transitions.clip(failure), Sql.ts(now), id, from.dbValue(), owner)
				.update();
			if (updated == 1) {
				transitions.record(id, from, to, now, reason);
			}
			return updated == 1;
		});
		if (!Boolean.TRUE.equals(moved)) {
			log.warn("Target {} left {} under another owner before it could move to {} ({})", id, from, to, reason);
		}
		return Boolean.TRUE.equals(moved);
	}

	Instant sentAt(UUID id) {
		return jdbc.sql("select sent_at from post_target where id = ?")
			.param(id)
			.query((rs, row) -> Sql.instant(rs, "sent_at"))
			.single();
	}
}
