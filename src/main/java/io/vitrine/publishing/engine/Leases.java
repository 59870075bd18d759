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
import java.util.List;
import java.util.UUID;

/** Keeps this node's claims alive, and takes back the claims of nodes that stopped heartbeating. */
@Component
class Leases {

	private static final Logger log = LoggerFactory.getLogger(Leases.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Transitions transitions;

	private final HeartbeatGate gate;

	Leases(JdbcClient jdbc, TransactionTemplate tx, Transitions transitions, HeartbeatGate gate) {
		this.gate = gate;
		this.jdbc = jdbc;
		this.tx = tx;
		this.transitions = transitions;
	}

	int heartbeat(String owner, Instant until) {
		return gate.heartbeat(() -> jdbc
			.sql("update post_target set lease_until = ? where lease_owner = ? and state in ('publishing', 'unknown', 'pending')")
			.params(Sql.ts(until), owner)
			.update());
	}

	/**
	 * A target whose lease expired while publishing belonged to a node that died or froze. If no
	 * request had started it goes back to scheduled; otherwise the request may have reached the
	 * network, so it becomes unknown and is reconciled before anything is sent again.
	 */
	int recoverExpired(Instant now) {
		record Expired(UUID id, Instant sentAt, String owner) {
		}
		List<Expired> expired = jdbc.sql("select id, sent_at, lease_owner from post_target where state = 'publishing' and lease_until < ?"
				+ " order by lease_until limit 1000")
			.param(Sql.ts(now))
			.query((rs, row) -> new Expired(rs.getObject("id", UUID.class), Sql.instant(rs, "sent_at"), rs.getString("lease_owner")))
			.list();
		int recovered = 0;
		for (Expired e : expired) {
			TargetState next = e.sentAt() == null ? TargetState.SCHEDULED : TargetState.UNKNOWN;
			Boolean done = tx.execute(status -> {
				// The lease condition is re-checked: the owner may have heartbeated since the select.
				int updated = jdbc.sql("update post_target set state = ?, lease_owner = null, lease_until = null, not_before = ?,"
						+ " updated_at = ? where id = ? and state = 'publishing' and lease_until < ?")
					.params(next.dbValue(), Sql.ts(now), Sql.ts(now), e.id(), Sql.ts(now))
					.update();
				if (updated == 1) {
					transitions.record(e.id(), TargetState.PUBLISHING, next, now, "the claim of " + e.owner()
							+ " expired (process stopped?)" + (next == TargetState.UNKNOWN ? "; checking the network before anything is sent again" : ""));
				}
				return updated == 1;
			});
			if (Boolean.TRUE.equals(done)) {
				recovered++;
			}
		}
		if (recovered > 0) {
			log.warn("Recovered {} targets whose claim had expired", recovered);
		}
		return recovered;
	}
}
