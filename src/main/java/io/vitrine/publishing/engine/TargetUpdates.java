package io.vitrine.publishing.engine;

import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.internal.Sql;
import io.vitrine.publishing.internal.Transitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

	private final TransactionTemplate tx;

	private final Transitions transitions;

	private final HeartbeatGate gate;

	private final GroupCommit<Sending, Boolean> sending;

	private final GroupCommit<Published, Boolean> published;

	TargetUpdates(JdbcClient jdbc, TransactionTemplate tx, Transitions transitions, HeartbeatGate gate) {
		this.jdbc = jdbc;
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

	/**
	 * Two statements for the whole group, whatever its size: lock the rows this node still holds,
	 * then stamp them. The earliest time of the group is written, which only makes the re-send
	 * window and the reconciliation's look back err on the safe side (by milliseconds).
	 */
	private List<Boolean> markAllSending(List<Sending> group) {
		return gate.groupWrite(() -> tx.execute(status -> {
			Set<UUID> held = new HashSet<>();
			Map<String, List<Sending>> byOwner = group.stream().collect(Collectors.groupingBy(Sending::owner));
			byOwner.forEach((owner, items) -> {
				List<Object> params = new ArrayList<>(items.stream().map(Sending::id).toList());
				params.add(owner);
				held.addAll(jdbc.sql("select id from post_target where id in (" + marks(items.size()) + ")"
						+ " and lease_owner = ? and state = 'publishing' for update")
					.params(params)
					.query(UUID.class)
					.list());
			});
			if (!held.isEmpty()) {
				Instant first = group.stream().map(Sending::now).min(Instant::compareTo).orElseThrow();
				List<Object> params = new ArrayList<>(List.of(Sql.ts(first), Sql.ts(first)));
				params.addAll(held);
				jdbc.sql("update post_target set sent_at = coalesce(sent_at, ?), updated_at = ? where id in ("
						+ marks(held.size()) + ")")
					.params(params)
					.update();
			}
			return group.stream().map(s -> held.contains(s.id())).toList();
		}));
	}

	/**
	 * The remote id is stored whatever happened to the claim meanwhile: once the network has the
	 * post, losing its id would make the next reconciliation guess.
	 */
	void published(UUID id, TargetState from, String remoteId, String remoteUrl, Instant now, String reason) {
		if (!published.submit(new Published(id, from, remoteId, remoteUrl, now, reason))) {
			log.warn("Target {} was published as {} but is no longer publishing, pending or unknown", id, remoteId);
		}
	}

	/** Three statements for the whole group: lock the rows still publishing, pending or unknown, update them, record why. */
	private List<Boolean> writeAllPublished(List<Published> group) {
		return gate.groupWrite(() -> tx.execute(status -> {
			Set<UUID> open = new HashSet<>(jdbc.sql("select id from post_target where id in (" + marks(group.size()) + ")"
					+ " and state in ('publishing', 'unknown', 'pending') for update")
				.params(new ArrayList<Object>(group.stream().map(Published::id).toList()))
				.query(UUID.class)
				.list());
			List<Published> updating = group.stream().filter(p -> open.contains(p.id())).toList();
			if (!updating.isEmpty()) {
				List<Object> params = new ArrayList<>();
				String sql = "update post_target set state = 'published'"
						+ ", remote_id = " + byId(updating, Published::remoteId, "?", params)
						+ ", remote_url = " + byId(updating, Published::remoteUrl, "?", params)
						+ ", published_at = " + byId(updating, p -> Sql.ts(p.now()), "cast(? as timestamp with time zone)", params)
						+ ", updated_at = " + byId(updating, p -> Sql.ts(p.now()), "cast(? as timestamp with time zone)", params)
						+ ", failure_reason = null, not_before = null, lease_owner = null, lease_until = null"
						+ " where id in (" + marks(updating.size()) + ")";
				updating.forEach(p -> params.add(p.id()));
				jdbc.sql(sql).params(params).update();
				transitions.recordAll(updating.stream()
					.map(p -> new Transitions.Change(p.id(), p.from(), TargetState.PUBLISHED, p.now(), p.reason()))
					.toList());
			}
			return group.stream().map(p -> open.contains(p.id())).toList();
		}));
	}

	/** A value per row in one statement: {@code case id when ? then ? ... end}, its parameters appended. */
	private static String byId(List<Published> rows, Function<Published, Object> value, String placeholder, List<Object> params) {
		StringBuilder sql = new StringBuilder("case id");
		for (Published row : rows) {
			sql.append(" when ? then ").append(placeholder);
			params.add(row.id());
			params.add(value.apply(row));
		}
		return sql.append(" end").toString();
	}

	private static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	boolean move(UUID id, String owner, TargetState from, TargetState to, Instant notBefore, String failure,
			Instant now, String reason) {
		return move(id, owner, from, to, notBefore, failure, now, reason, 0);
	}

	/**
	 * Back to scheduled until a rate limit's reset. The claim is not counted as an attempt: waiting
	 * for the network's permission must not bring the target closer to "could not reach" nor
	 * lengthen the back-off of a later real failure.
	 */
	void waitForRateLimit(UUID id, String owner, Instant until, Instant now, String reason) {
		move(id, owner, TargetState.PUBLISHING, TargetState.SCHEDULED, until, null, now, reason, 1);
	}

	/**
	 * Back to scheduled until the network's quota has a free slot, the reason kept on the target for people to read.
	 * Not an attempt either: nothing was sent.
	 */
	void waitForQuota(UUID id, String owner, Instant until, Instant now, String reason) {
		move(id, owner, TargetState.PUBLISHING, TargetState.SCHEDULED, until, reason, now, reason, 1);
	}

	private boolean move(UUID id, String owner, TargetState from, TargetState to, Instant notBefore, String failure,
			Instant now, String reason, int attemptsGivenBack) {
		Boolean moved = tx.execute(status -> {
			int updated = jdbc.sql("update post_target set state = ?, not_before = ?, failure_reason = ?, lease_owner = null,"
					+ " lease_until = null, attempts = greatest(attempts - ?, 0), updated_at = ?"
					+ " where id = ? and state = ? and lease_owner = ?")
				.params(to.dbValue(), Sql.ts(notBefore), Transitions.clip(failure), attemptsGivenBack, Sql.ts(now), id,
						from.dbValue(), owner)
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

	/**
	 * The network accepted the post and is processing it: pending until {@code checkAt}, with what it gave to follow
	 * the post. From publishing this is a transition; from pending (asked again, still processing) only the next
	 * check and the network's latest word change. The claim is released either way.
	 */
	boolean pending(UUID id, String owner, TargetState from, String remoteRef, Instant checkAt, String status,
			Instant now, String reason) {
		Boolean moved = tx.execute(s -> {
			int updated = jdbc.sql("update post_target set state = 'pending', pending_ref = coalesce(?, pending_ref),"
					+ " not_before = ?, failure_reason = ?, lease_owner = null, lease_until = null, updated_at = ?"
					+ " where id = ? and state = ? and lease_owner = ?")
				.params(remoteRef, Sql.ts(checkAt), Transitions.clip(status), Sql.ts(now), id, from.dbValue(), owner)
				.update();
			if (updated == 1 && from != TargetState.PENDING) {
				transitions.record(id, from, TargetState.PENDING, now, reason);
			}
			return updated == 1;
		});
		if (!Boolean.TRUE.equals(moved)) {
			log.warn("Target {} left {} under another owner before it could become pending ({})", id, from, reason);
		}
		return Boolean.TRUE.equals(moved);
	}

	/** A pending or unknown target this node checked: its claim is released and the next check set, the count of failed checks raised. */
	void checkAgainAt(UUID id, String owner, TargetState state, Instant next, String status, boolean failedCheck) {
		jdbc.sql("update post_target set not_before = ?, failure_reason = ?, lease_owner = null, lease_until = null,"
				+ " attempts = attempts + ? where id = ? and state = ? and lease_owner = ?")
			.params(Sql.ts(next), Transitions.clip(status), failedCheck ? 1 : 0, id, state.dbValue(), owner)
			.update();
	}

	Instant sentAt(UUID id) {
		return jdbc.sql("select sent_at from post_target where id = ?")
			.param(id)
			.query((rs, row) -> Sql.instant(rs, "sent_at"))
			.single();
	}
}
