package io.vitrine.approvals.internal;

import io.vitrine.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads and replaces a workspace's workflow. */
@Component
public class WorkflowStore {

	private final JdbcClient jdbc;

	WorkflowStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Workflow of(UUID workspaceId) {
		Workflow.AppliesTo appliesTo = jdbc.sql("select applies_to from approval_workflow where workspace_id = ?")
			.param(workspaceId)
			.query(String.class)
			.optional()
			.map(v -> Workflow.AppliesTo.valueOf(v.toUpperCase()))
			.orElse(Workflow.AppliesTo.CONTRIBUTORS);
		record Row(UUID id, String name, String rule, boolean external) {
		}
		List<Row> rows = jdbc.sql("select id, name, rule, external_reviewer from approval_step where workspace_id = ? order by position")
			.param(workspaceId)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("rule"),
					rs.getBoolean("external_reviewer")))
			.list();
		Map<UUID, Set<UUID>> people = new HashMap<>();
		jdbc.sql("select p.step_id, p.user_id from approval_step_person p join approval_step s on s.id = p.step_id"
				+ " where s.workspace_id = ?")
			.param(workspaceId)
			.query(rs -> {
				people.computeIfAbsent(rs.getObject("step_id", UUID.class), k -> new HashSet<>()).add(rs.getObject("user_id", UUID.class));
			});
		List<Workflow.Step> steps = new ArrayList<>();
		for (Row row : rows) {
			steps.add(new Workflow.Step(row.name(), Workflow.Rule.valueOf(row.rule().toUpperCase()),
					people.getOrDefault(row.id(), Set.of()), row.external()));
		}
		return new Workflow(appliesTo, steps);
	}

	/** In the caller's transaction. */
	public void replace(UUID workspaceId, Workflow workflow, Instant now) {
		jdbc.sql("delete from approval_step_person where step_id in (select id from approval_step where workspace_id = ?)")
			.param(workspaceId)
			.update();
		jdbc.sql("delete from approval_step where workspace_id = ?").param(workspaceId).update();
		int updated = jdbc.sql("update approval_workflow set applies_to = ?, updated_at = ? where workspace_id = ?")
			.params(workflow.appliesTo().value(), Db.ts(now), workspaceId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into approval_workflow (workspace_id, applies_to, updated_at) values (?, ?, ?)")
				.params(workspaceId, workflow.appliesTo().value(), Db.ts(now))
				.update();
		}
		for (int i = 0; i < workflow.steps().size(); i++) {
			Workflow.Step step = workflow.steps().get(i);
			UUID id = Ids.next();
			jdbc.sql("insert into approval_step (id, workspace_id, position, name, rule, external_reviewer) values (?, ?, ?, ?, ?, ?)")
				.params(id, workspaceId, i, step.name(), step.rule().value(), step.externalReviewer())
				.update();
			for (UUID person : step.people()) {
				jdbc.sql("insert into approval_step_person (step_id, user_id) values (?, ?)").params(id, person).update();
			}
		}
	}
}
