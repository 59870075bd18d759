package io.vitrine.publishing.internal;

import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TransitionView;
import io.vitrine.shared.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The history of every target: each state change with its time and reason. */
@Component
public class Transitions {

	private static final int MAX_REASON = 4000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Transitions(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public void record(UUID targetId, TargetState from, TargetState to, Instant at, String reason) {
		jdbc.sql("insert into target_transition (id, target_id, from_state, to_state, at, reason) values (?, ?, ?, ?, ?, ?)")
			.params(Ids.next(), targetId, from == null ? null : from.dbValue(), to.dbValue(), Sql.ts(at), clip(reason))
			.update();
	}

	/** One state change of one target, as {@link #recordAll} writes it. */
	public record Change(UUID targetId, TargetState from, TargetState to, Instant at, String reason) {
	}

	/** Many changes in one round trip (a claimed batch, a group of outcomes), in the caller's transaction. */
	public void recordAll(List<Change> changes) {
		if (changes.isEmpty()) {
			return;
		}
		template.batchUpdate("insert into target_transition (id, target_id, from_state, to_state, at, reason) values (?, ?, ?, ?, ?, ?)",
				changes, changes.size(), (ps, change) -> {
					ps.setObject(1, Ids.next());
					ps.setObject(2, change.targetId());
					ps.setString(3, change.from() == null ? null : change.from().dbValue());
					ps.setString(4, change.to().dbValue());
					ps.setObject(5, Sql.ts(change.at()));
					ps.setString(6, clip(change.reason()));
				});
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
