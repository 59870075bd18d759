package io.vitrine.approvals.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A workspace's approval workflow: ordered steps, and whose posts go through them. */
public record Workflow(AppliesTo appliesTo, List<Step> steps) {

	public static final Workflow NONE = new Workflow(AppliesTo.CONTRIBUTORS, List.of());

	public Workflow {
		steps = List.copyOf(steps);
	}

	public boolean exists() {
		return !steps.isEmpty();
	}

	public enum AppliesTo {
		/** Only contributors' posts need approval (owners, admins and editors publish directly). */
		CONTRIBUTORS,
		/** Every post needs approval, whoever writes it. */
		EVERYONE;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public enum Rule {
		/** Any one of the step's people approves for the step. */
		ANY,
		/** Every one of the step's people must approve. */
		ALL;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * @param externalReviewer a client's decision through a review link counts as one more person of
	 *        this step (the only one when {@code people} is empty)
	 */
	public record Step(String name, Rule rule, Set<UUID> people, boolean externalReviewer) {

		public Step {
			people = Set.copyOf(people);
		}
	}
}
