package io.vitrine.publishing.internal;

import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TransitionView;
import io.vitrine.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** The history of every target: each state change with its time and reason. */
@Component
public class Transitions {

	private static final int MAX_REASON = 4000;

	private final JdbcClient jdbc;

	Transitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID targetId, TargetState from, TargetState to, Instant at, String reason) {
		jdbc.sql("insert into target_transition (id, target_id, from_state, to_state, at, reason) values (?, ?, ?, ?, ?, ?)")
			.params(Ids.next(), targetId, from == null ? null : from.dbValue(), to.dbValue(), Sql.ts(at), clip(reason))
			.update();
	}

	/** One state change of one target, as {@link #recordAll} writes it. */
	public record Change(UUID targetId, TargetState from, TargetState to, Instant at, String reason) {
	}

	/** Rows per insert statement: one statement per row was the database's second largest cost in a burst. */
	private static final int ROWS_PER_INSERT = 100;

	/** Many changes in a few statements (a claimed batch, a group of outcomes), in the caller's transaction. */
	public void recordAll(List<Change> changes) {
		for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
			List<Change> chunk = changes.subList(from, Math.min(changes.size(), from + ROWS_PER_INSERT));
			List<Object> params = new ArrayList<>(chunk.size() * 6);
			for (Change change : chunk) {
				params.add(Ids.next());
				params.add(change.targetId());
				params.add(change.from() == null ? null : change.from().dbValue());
				params.add(change.to().dbValue());
				params.add(Sql.ts(change.at()));
				params.add(clip(change.reason()));
			}
			jdbc.sql("insert into target_transition (id, target_id, from_state, to_state, at, reason) values "
					+ String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)")))
				.params(params)
				.update();
		}
	}

	public List<TransitionView> of(UUID targetId) {
		return jdbc.sql("select from_state, to_state, at, reason from target_transition where target_id = ? order by at, id")
			.param(targetId)
			.query((rs, row) -> new TransitionView(
					rs.getString("from_state") == null ? null : TargetState.fromDb(rs.getString("from_state")),
					TargetState.fromDb(rs.getString("to_state")), Sql.instant(rs, "at"), rs.getString("reason")))
			.list();
	}

	public static String clip(String reason) {
		return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
	}
}
