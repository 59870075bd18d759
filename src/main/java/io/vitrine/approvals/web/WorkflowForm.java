package io.vitrine.approvals.web;

import io.vitrine.approvals.internal.Workflow;
import io.vitrine.approvals.internal.WorkflowSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The settings form: whose posts need approval, and the steps (a step left without a name is dropped). */
public class WorkflowForm {

	private String appliesTo = "contributors";

	private List<StepForm> steps = new ArrayList<>();

	public static class StepForm {

		private String name = "";

		private String rule = "any";

		private List<UUID> people = new ArrayList<>();

		private boolean externalReviewer;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getRule() {
			return rule;
		}

		public void setRule(String rule) {
			this.rule = rule;
		}

		public List<UUID> getPeople() {
			return people;
		}

		public void setPeople(List<UUID> people) {
			this.people = people == null ? new ArrayList<>() : people;
		}

		public boolean isExternalReviewer() {
			return externalReviewer;
		}

		public void setExternalReviewer(boolean externalReviewer) {
			this.externalReviewer = externalReviewer;
		}

		boolean blank() {
			return (name == null || name.isBlank()) && people.isEmpty() && !externalReviewer;
		}
	}

	static WorkflowForm of(Workflow workflow) {
		WorkflowForm form = new WorkflowForm();
		form.appliesTo = workflow.appliesTo().value();
		for (Workflow.Step s : workflow.steps()) {
			StepForm step = new StepForm();
			step.name = s.name();
			step.rule = s.rule().value();
			step.people = new ArrayList<>(s.people());
			step.externalReviewer = s.externalReviewer();
			form.steps.add(step);
		}
		return form;
	}

	/** One empty step at the end, to add a step without a script (the "add a step" button adds more through htmx). */
	WorkflowForm withBlankStep() {
		steps.add(new StepForm());
		return this;
	}

	List<WorkflowSettings.StepInput> inputs() {
		return steps.stream()
			.filter(s -> s != null && !s.blank())
			.map(s -> new WorkflowSettings.StepInput(s.name, s.rule, s.people, s.externalReviewer))
			.toList();
	}

	public String getAppliesTo() {
		return appliesTo;
	}

	public void setAppliesTo(String appliesTo) {
		this.appliesTo = appliesTo;
	}

	public List<StepForm> getSteps() {
		return steps;
	}

	public void setSteps(List<StepForm> steps) {
		this.steps = steps == null ? new ArrayList<>() : steps;
	}
}
