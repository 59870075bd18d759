package io.vitrine.approvals.internal;

import io.vitrine.approvals.ApprovalStatus;
import io.vitrine.approvals.Decision;
import io.vitrine.workspaces.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per approval rule; the rules are pure functions of the workflow and the round's decisions. */
class ApprovalRulesTest {

	private final UUID author = UUID.randomUUID();

	private final UUID eve = UUID.randomUUID();

	private final UUID ed = UUID.randomUUID();

	private final UUID clara = UUID.randomUUID();

	private static Workflow.Step any(String name, UUID... people) {
		return new Workflow.Step(name, Workflow.Rule.ANY, Set.of(people), false);
	}

	private static Workflow.Step all(String name, UUID... people) {
		return new Workflow.Step(name, Workflow.Rule.ALL, Set.of(people), false);
	}

	private static Workflow.Step client(String name, Workflow.Rule rule, UUID... people) {
		return new Workflow.Step(name, rule, Set.of(people), true);
	}

	private static Workflow workflow(Workflow.Step... steps) {
		return new Workflow(Workflow.AppliesTo.CONTRIBUTORS, List.of(steps));
	}

	private static ApprovalRules.Vote vote(int step, UUID who, Decision decision) {
		return new ApprovalRules.Vote(step, who, decision);
	}

	private ApprovalRules.Evaluation evaluate(Workflow workflow, ApprovalRules.Vote... votes) {
		return ApprovalRules.evaluate(workflow, author, List.of(votes));
	}

	@Test
	void without_a_workflow_no_post_needs_approval() {
		assertThat(ApprovalRules.requiresApproval(Workflow.NONE, Role.CONTRIBUTOR)).isFalse();
	}

	@Test
	void contributors_posts_always_need_approval_when_a_workflow_exists() {
		assertThat(ApprovalRules.requiresApproval(workflow(any("Editor", eve)), Role.CONTRIBUTOR)).isTrue();
		assertThat(ApprovalRules.requiresApproval(workflow(any("Editor", eve)), Role.EDITOR)).isFalse();
		assertThat(ApprovalRules.requiresApproval(workflow(any("Editor", eve)), Role.OWNER)).isFalse();
	}

	@Test
	void a_workspace_may_require_approval_for_everyones_posts() {
		Workflow everyone = new Workflow(Workflow.AppliesTo.EVERYONE, List.of(any("Editor", eve)));
		assertThat(ApprovalRules.requiresApproval(everyone, Role.OWNER)).isTrue();
		assertThat(ApprovalRules.requiresApproval(everyone, Role.EDITOR)).isTrue();
	}

	@Test
	void a_post_with_one_any_of_step_waits_for_any_of_its_people() {
		ApprovalRules.Evaluation e = evaluate(workflow(any("Editors", eve, ed)));
		assertThat(e.status()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(e.step()).isZero();
		assertThat(e.waitingFor()).containsExactlyInAnyOrder(eve, ed);
	}

	@Test
	void a_post_with_one_any_of_step_is_approved_by_any_one_of_its_people() {
		assertThat(evaluate(workflow(any("Editors", eve, ed)), vote(0, ed, Decision.APPROVE)).status())
			.isEqualTo(ApprovalStatus.APPROVED);
	}

	@Test
	void all_of_needs_every_person() {
		Workflow w = workflow(all("Partners", eve, ed));
		ApprovalRules.Evaluation half = evaluate(w, vote(0, eve, Decision.APPROVE));
		assertThat(half.status()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(half.waitingFor()).containsExactly(ed);
		assertThat(evaluate(w, vote(0, eve, Decision.APPROVE), vote(0, ed, Decision.APPROVE)).status())
			.isEqualTo(ApprovalStatus.APPROVED);
	}

	@Test
	void steps_are_decided_in_order() {
		Workflow w = workflow(any("Editor", eve), any("Client", clara));
		ApprovalRules.Evaluation afterEditor = evaluate(w, vote(0, eve, Decision.APPROVE));
		assertThat(afterEditor.status()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(afterEditor.step()).isEqualTo(1);
		assertThat(afterEditor.waitingFor()).containsExactly(clara);
		assertThat(evaluate(w, vote(0, eve, Decision.APPROVE), vote(1, clara, Decision.APPROVE)).status())
			.isEqualTo(ApprovalStatus.APPROVED);
	}

	@Test
	void a_later_steps_person_cannot_decide_before_the_earlier_step_is_approved() {
		Workflow w = workflow(any("Editor", eve), any("Client", clara));
		assertThat(ApprovalRules.mayDecide(w, evaluate(w), clara)).isFalse();
		assertThat(ApprovalRules.mayDecide(w, evaluate(w), eve)).isTrue();
	}

	@Test
	void one_request_for_changes_stops_the_post_at_its_step() {
		ApprovalRules.Evaluation e = evaluate(workflow(all("Partners", eve, ed)), vote(0, eve, Decision.APPROVE),
				vote(0, ed, Decision.REQUEST_CHANGES));
		assertThat(e.status()).isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
		assertThat(e.step()).isZero();
	}

	@Test
	void one_rejection_rejects_the_post() {
		assertThat(evaluate(workflow(any("Editors", eve, ed)), vote(0, eve, Decision.REJECT)).status())
			.isEqualTo(ApprovalStatus.REJECTED);
	}

	@Test
	void no_one_approves_their_own_post() {
		Workflow w = workflow(any("Editors", author, eve));
		assertThat(evaluate(w, vote(0, author, Decision.APPROVE)).status()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(evaluate(w).waitingFor()).containsExactly(eve);
		assertThat(ApprovalRules.mayDecide(w, evaluate(w), author)).isFalse();
	}

	@Test
	void someone_outside_the_step_does_not_count() {
		assertThat(evaluate(workflow(any("Editor", eve)), vote(0, clara, Decision.APPROVE)).status())
			.isEqualTo(ApprovalStatus.PENDING);
	}

	@Test
	void a_person_who_decided_is_not_asked_again_in_the_same_round() {
		Workflow w = workflow(all("Partners", eve, ed));
		assertThat(ApprovalRules.mayDecide(w, evaluate(w, vote(0, eve, Decision.APPROVE)), eve)).isFalse();
		assertThat(ApprovalRules.mayDecide(w, evaluate(w, vote(0, eve, Decision.APPROVE)), ed)).isTrue();
	}

	@Test
	void a_clients_decision_counts_only_at_a_step_that_takes_one() {
		Workflow noClient = workflow(any("Editor", eve));
		assertThat(evaluate(noClient, vote(0, null, Decision.APPROVE)).status()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(evaluate(noClient, vote(0, null, Decision.REQUEST_CHANGES)).status()).isEqualTo(ApprovalStatus.PENDING);
		Workflow withClient = workflow(any("Editor", eve), client("Client", Workflow.Rule.ANY));
		ApprovalRules.Evaluation atClient = evaluate(withClient, vote(0, eve, Decision.APPROVE));
		assertThat(atClient.waitingForClient()).isTrue();
		assertThat(evaluate(withClient, vote(0, eve, Decision.APPROVE), vote(1, null, Decision.APPROVE)).status())
			.isEqualTo(ApprovalStatus.APPROVED);
	}

	@Test
	void an_all_of_step_with_a_client_needs_the_client_too() {
		Workflow w = workflow(client("Brand", Workflow.Rule.ALL, eve));
		assertThat(evaluate(w, vote(0, eve, Decision.APPROVE)).status()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(evaluate(w, vote(0, eve, Decision.APPROVE)).waitingForClient()).isTrue();
		assertThat(evaluate(w, vote(0, eve, Decision.APPROVE), vote(0, null, Decision.APPROVE)).status())
			.isEqualTo(ApprovalStatus.APPROVED);
	}
}
