package io.vitrine.publishing.engine;

import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.internal.Sql;
import io.vitrine.publishing.internal.Transitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

/**
 * Moves a claimed target to its next state, only while this node still holds the claim, and
 * records the transition in the same transaction.
 */
@Component
class TargetUpdates {

	private static final Logger log = LoggerFactory.getLogger(TargetUpdates.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Transitions transitions;

	TargetUpdates(JdbcClient jdbc, TransactionTemplate tx, Transitions transitions) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.transitions = transitions;
	}

	/** Written and committed before the request leaves, so a crash afterwards is known to be ambiguous. */
	void markSending(UUID id, String owner, Instant now) {
		jdbc.sql("update post_target set sent_at = coalesce(sent_at, ?), updated_at = ? where id = ? and lease_owner = ?")
			.params(Sql.ts(now), Sql.ts(now), id, owner)
			.update();
	}

	/**
	 * The remote id is stored whatever happened to the claim meanwhile: once the network has the
	 * post, losing its id would make the next reconciliation guess.
	 */
	void published(UUID id, TargetState from, String remoteId, String remoteUrl, Instant now, String reason) {
		tx.executeWithoutResult(status -> {
			int updated = jdbc.sql("update post_target set state = 'published', remote_id = ?, remote_url = ?, published_at = ?,"
					+ " failure_reason = null, not_before = null, lease_owner = null, lease_until = null, updated_at = ?"
					+ " where id = ? and state in ('publishing', 'unknown')")
				.params(remoteId, remoteUrl, Sql.ts(now), Sql.ts(now), id)
				.update();
			if (updated == 1) {
				transitions.record(id, from, TargetState.PUBLISHED, now, reason);
			}
			else {
				log.warn("Target {} was published as {} but is no longer publishing or unknown", id, remoteId);
			}
		});
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
