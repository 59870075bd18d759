package io.vitrine.approvals.internal;

import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceMembers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads and changes a workspace's approval workflow (owners and admins change it). */
@Service
public class WorkflowSettings {

	static final int MAX_STEPS = 10;

	private final WorkflowStore store;

	private final WorkspaceMembers members;

	private final Approvals approvals;

	WorkflowSettings(WorkflowStore store, WorkspaceMembers members, Approvals approvals) {
		this.store = store;
		this.members = members;
		this.approvals = approvals;
	}

	/** A step as typed: rule "any" or "all", people by user id. */
	public record StepInput(String name, String rule, List<UUID> people, boolean externalReviewer) {
	}

	public Workflow of(Member member) {
		Policies.require(Policies.MAY_VIEW, member, "see the approval workflow");
		return store.of(member.workspaceId());
	}

	@Transactional
	public Workflow replace(Member member, String appliesTo, List<StepInput> steps) {
		Policies.require(Policies.MAY_CHANGE_SETTINGS, member, "change the approval workflow");
		Workflow workflow = parse(member.workspaceId(), appliesTo, steps == null ? List.of() : steps);
		store.replace(member.workspaceId(), workflow, approvals.now());
		approvals.workflowChanged(member.workspaceId(), workflow);
		return workflow;
	}

	private Workflow parse(UUID workspaceId, String appliesTo, List<StepInput> steps) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		Workflow.AppliesTo who = Workflow.AppliesTo.CONTRIBUTORS;
		String a = appliesTo == null || appliesTo.isBlank() ? "contributors" : appliesTo.strip().toLowerCase(Locale.ROOT);
		switch (a) {
			case "contributors" -> who = Workflow.AppliesTo.CONTRIBUTORS;
			case "everyone" -> who = Workflow.AppliesTo.EVERYONE;
			default -> problems.add(new InvalidInput.Problem("appliesTo", "one-of", "must be contributors or everyone"));
		}
		if (steps.size() > MAX_STEPS) {
			problems.add(new InvalidInput.Problem("steps", "max-size", "at most " + MAX_STEPS + " steps"));
		}
		Set<UUID> memberIds = members.of(workspaceId).stream().map(p -> p.userId()).collect(Collectors.toSet());
		List<Workflow.Step> parsed = new ArrayList<>();
		for (int i = 0; i < steps.size() && i < MAX_STEPS; i++) {
			StepInput s = steps.get(i);
			String prefix = "steps[" + i + "].";
			if (s == null) {
				problems.add(new InvalidInput.Problem("steps[" + i + "]", "required", "describe the step"));
				continue;
			}
			String name = s.name() == null ? "" : s.name().strip();
			if (name.isEmpty() || name.length() > 100) {
				problems.add(new InvalidInput.Problem(prefix + "name", name.isEmpty() ? "required" : "max-length",
						"name the step (at most 100 characters), e.g. Editor or Client"));
			}
			Workflow.Rule rule = null;
			String r = s.rule() == null || s.rule().isBlank() ? "any" : s.rule().strip().toLowerCase(Locale.ROOT);
			switch (r) {
				case "any" -> rule = Workflow.Rule.ANY;
				case "all" -> rule = Workflow.Rule.ALL;
				default -> problems.add(new InvalidInput.Problem(prefix + "rule", "one-of", "must be any or all"));
			}
			Set<UUID> people = new LinkedHashSet<>();
			for (UUID person : s.people() == null ? List.<UUID>of() : s.people()) {
				if (person == null || !memberIds.contains(person)) {
					problems.add(new InvalidInput.Problem(prefix + "people", "member", "each person must be a member of this workspace"));
					break;
				}
				people.add(person);
			}
			if (people.isEmpty() && !s.externalReviewer()) {
				problems.add(new InvalidInput.Problem(prefix + "people", "required",
						"choose at least one person, or let a client decide through a review link"));
			}
			if (rule != null && !name.isEmpty()) {
				parsed.add(new Workflow.Step(name, rule, people, s.externalReviewer()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Workflow(who, parsed);
	}
}
