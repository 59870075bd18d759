package io.vitrine.approvals.internal;

import io.vitrine.approvals.ApprovalStatus;
import io.vitrine.approvals.Decision;
import io.vitrine.workspaces.Role;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The approval rules, as pure functions of a workflow and the decisions of the current round:
 * no database, no clock, one test each (ApprovalRulesTest).
 */
public final class ApprovalRules {

	private ApprovalRules() {
	}

	/** A decision that counts: by a person (userId) or by a client through a review link (userId null). */
	public record Vote(int step, UUID userId, Decision decision) {

		public boolean external() {
			return userId == null;
		}
	}

	/**
	 * Where a post stands. {@code step} is the index of the step waiting (pending) or that decided
	 * (changes requested, rejected); null once approved. {@code waitingFor} are the people whose
	 * decision the step still needs; {@code waitingForClient} whether a review link's decision would count.
	 */
	public record Evaluation(ApprovalStatus status, Integer step, Set<UUID> waitingFor, boolean waitingForClient) {
	}

	/** Contributors' posts always need approval when a workflow exists; everyone's when the workspace says so. */
	public static boolean requiresApproval(Workflow workflow, Role author) {
		return workflow.exists() && (author == Role.CONTRIBUTOR || workflow.appliesTo() == Workflow.AppliesTo.EVERYONE);
	}

	/** The people who decide a step: the author of the post is never one of them (no one approves their own post). */
	public static Set<UUID> decidersOf(Workflow.Step step, UUID author) {
		Set<UUID> people = new LinkedHashSet<>(step.people());
		people.remove(author);
		return people;
	}

	public static Evaluation evaluate(Workflow workflow, UUID author, List<Vote> votes) {
		for (int i = 0; i < workflow.steps().size(); i++) {
			Workflow.Step step = workflow.steps().get(i);
			int index = i;
			List<Vote> here = votes.stream().filter(v -> v.step() == index && counts(step, v, author)).toList();
			if (here.stream().anyMatch(v -> v.decision() == Decision.REJECT)) {
				return new Evaluation(ApprovalStatus.REJECTED, i, Set.of(), false);
			}
			if (here.stream().anyMatch(v -> v.decision() == Decision.REQUEST_CHANGES)) {
				return new Evaluation(ApprovalStatus.CHANGES_REQUESTED, i, Set.of(), false);
			}
			Set<UUID> approvedBy = new HashSet<>();
			boolean clientApproved = false;
			for (Vote v : here) {
				if (v.external()) {
					clientApproved = true;
				}
				else {
					approvedBy.add(v.userId());
				}
			}
			Set<UUID> deciders = decidersOf(step, author);
			boolean satisfied = switch (step.rule()) {
				case ANY -> clientApproved || !approvedBy.isEmpty();
				case ALL -> approvedBy.containsAll(deciders) && (clientApproved || !step.externalReviewer())
						&& (!deciders.isEmpty() || step.externalReviewer());
			};
			if (!satisfied) {
				Set<UUID> waiting = new LinkedHashSet<>(deciders);
				waiting.removeAll(approvedBy);
				return new Evaluation(ApprovalStatus.PENDING, i, waiting, step.externalReviewer() && !clientApproved);
			}
		}
		return new Evaluation(ApprovalStatus.APPROVED, null, Set.of(), false);
	}

	/** A vote counts at its step only from one of the step's deciders, or from a client where the step allows one. */
	public static boolean counts(Workflow.Step step, Vote vote, UUID author) {
		return vote.external() ? step.externalReviewer() : decidersOf(step, author).contains(vote.userId());
	}

	/** Who may decide now: one of the current step's deciders who has not decided yet in this round. */
	public static boolean mayDecide(Workflow workflow, Evaluation evaluation, UUID userId) {
		return evaluation.status() == ApprovalStatus.PENDING && evaluation.waitingFor().contains(userId)
				&& Optional.ofNullable(evaluation.step()).map(s -> s < workflow.steps().size()).orElse(false);
	}
}
