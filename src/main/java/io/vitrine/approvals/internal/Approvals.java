package io.vitrine.approvals.internal;

import io.vitrine.approvals.ApprovalStatus;
import io.vitrine.approvals.Decision;
import io.vitrine.publishing.ApprovalHolds;
import io.vitrine.publishing.PostView;
import io.vitrine.shared.Forbidden;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceMembers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Decisions and comments on posts under approval, and what waits for whom. */
@Service
public class Approvals {

	static final int MAX_COMMENT = 4000;

	private final WorkflowStore workflows;

	private final ApprovalStore store;

	private final ApprovalHolds holds;

	private final WorkspaceMembers members;

	private final Clock clock;

	Approvals(WorkflowStore workflows, ApprovalStore store, ApprovalHolds holds, WorkspaceMembers members, Clock clock) {
		this.workflows = workflows;
		this.store = store;
		this.holds = holds;
		this.members = members;
		this.clock = clock;
	}

	/** A post waiting for the caller's decision. */
	public record Waiting(UUID postId, int step, String stepName, String author, String preview) {
	}

	// --- the publishing gate ---

	boolean requiresApproval(Member author) {
		return ApprovalRules.requiresApproval(workflows.of(author.workspaceId()), author.role());
	}

	void start(Member author, UUID postId) {
		store.insert(new ApprovalStore.PostApproval(postId, author.workspaceId(), author.userId(), ApprovalStatus.PENDING, 1, 0),
				clock.instant());
	}

	/** The content changed: a post under approval starts again at the first step. */
	boolean restart(Member editor, UUID postId) {
		var current = store.lock(editor.workspaceId(), postId);
		if (current.isEmpty()) {
			if (!requiresApproval(editor)) {
				return false;
			}
			PostView post = holds.post(editor.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
			store.insert(new ApprovalStore.PostApproval(postId, editor.workspaceId(), post.createdBy(), ApprovalStatus.PENDING, 1, 0),
					clock.instant());
			return true;
		}
		ApprovalStore.PostApproval a = current.get();
		if (a.status() == ApprovalStatus.REJECTED) {
			throw InvalidInput.of("postId", "rejected", "a rejected post cannot be edited back into approval; write a new post");
		}
		newRound(a, workflows.of(a.workspaceId()));
		return true;
	}

	// --- decisions ---

	@Transactional
	public ApprovalView decide(Member member, UUID postId, Decision decision, String comment) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		String text = comment(decision, comment);
		ApprovalStore.PostApproval a = store.lock(member.workspaceId(), postId).orElseThrow(() -> notUnderApproval(member, postId));
		Workflow workflow = workflows.of(a.workspaceId());
		ApprovalRules.Evaluation now = ApprovalRules.evaluate(workflow, a.authorId(), store.votes(postId, a.round()));
		if (now.status() != ApprovalStatus.PENDING) {
			throw InvalidInput.of("postId", "pending", "is not waiting for a decision; it is " + now.status().value());
		}
		if (!ApprovalRules.mayDecide(workflow, now, member.userId())) {
			throw new Forbidden(member.userId().equals(a.authorId()) ? "no one approves their own post"
					: "the step \"" + workflow.steps().get(now.step()).name() + "\" waits for other people");
		}
		store.addDecision(a, now.step(), workflow.steps().get(now.step()).name(), decision, member.userId(), null, true, text,
				clock.instant());
		settle(a, workflow);
		return view(member, postId);
	}

	/**
	 * A client through a review link. Counted as the current step's decision only where that step
	 * takes a client's decision; otherwise kept in the history (not counted) so the team reads it.
	 */
	/** @return whether it counted as the step's decision */
	@Transactional
	public boolean clientDecides(ReviewLinks.Link link, String name, Decision decision, String comment) {
		String who = name == null ? "" : name.strip();
		if (who.isEmpty() || who.length() > 200) {
			throw InvalidInput.of("name", who.isEmpty() ? "required" : "max-length", "your name (at most 200 characters)");
		}
		if (decision == Decision.REJECT) {
			throw InvalidInput.of("decision", "one-of", "must be approve or request-changes");
		}
		String text = comment(decision, comment);
		ApprovalStore.PostApproval a = store.lock(link.workspaceId(), link.postId())
			.orElseThrow(() -> InvalidInput.of("postId", "pending", "this post is not waiting for a decision"));
		Workflow workflow = workflows.of(a.workspaceId());
		ApprovalRules.Evaluation now = ApprovalRules.evaluate(workflow, a.authorId(), store.votes(a.postId(), a.round()));
		if (now.status() != ApprovalStatus.PENDING) {
			throw InvalidInput.of("postId", "pending", "this post is not waiting for a decision; it is " + now.status().value());
		}
		Workflow.Step step = workflow.steps().get(now.step());
		store.addDecision(a, now.step(), step.name(), decision, null, who, now.waitingForClient(), text, clock.instant());
		settle(a, workflow);
		return now.waitingForClient();
	}

	@Transactional
	public void comment(Member member, UUID postId, String body) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		holds.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > MAX_COMMENT) {
			throw InvalidInput.of("body", text.isEmpty() ? "required" : "max-length", "write a comment of at most " + MAX_COMMENT + " characters");
		}
		store.addComment(member.workspaceId(), postId, member.userId(), nameOf(member.workspaceId(), member.userId()), text,
				clock.instant());
	}

	// --- reading ---

	public ApprovalView view(Member member, UUID postId) {
		Policies.require(Policies.MAY_VIEW, member, "see posts");
		holds.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
		return view(member.workspaceId(), postId, member.userId());
	}

	/** @param viewer null for a client through a review link */
	ApprovalView view(UUID workspaceId, UUID postId, UUID viewer) {
		Map<UUID, String> names = names(workspaceId);
		List<ApprovalView.DecisionView> history = store.decisions(postId).stream()
			.map(d -> new ApprovalView.DecisionView(d.at(), d.round(), d.step() + 1, d.stepName(), d.decision().value(),
					d.userId() == null ? d.reviewerName() : names.getOrDefault(d.userId(), "?"), d.userId() == null, d.counted(),
					d.comment()))
			.toList();
		List<ApprovalView.CommentView> comments = store.comments(postId).stream()
			.map(c -> new ApprovalView.CommentView(c.at(), c.userId() == null ? c.authorName() : names.getOrDefault(c.userId(), c.authorName()),
					c.userId() == null, c.body()))
			.toList();
		boolean held = holds.held(postId);
		var found = store.find(workspaceId, postId);
		if (found.isEmpty()) {
			return new ApprovalView(postId, "not-required", null, null, 0, List.of(), false, false, held, history, comments);
		}
		ApprovalStore.PostApproval a = found.get();
		Workflow workflow = workflows.of(workspaceId);
		ApprovalRules.Evaluation e = a.status() == ApprovalStatus.PENDING
				? ApprovalRules.evaluate(workflow, a.authorId(), store.votes(postId, a.round()))
				: new ApprovalRules.Evaluation(a.status(), a.step(), java.util.Set.of(), false);
		Integer step = e.step();
		String stepName = step != null && step < workflow.steps().size() ? workflow.steps().get(step).name() : null;
		if (step != null && a.status() != ApprovalStatus.PENDING) {
			stepName = history.stream().filter(d -> d.round() == a.round()).reduce((x, y) -> y).map(ApprovalView.DecisionView::stepName)
				.orElse(stepName);
		}
		return new ApprovalView(postId, e.status().value(), step == null ? null : step + 1, stepName, a.round(),
				e.waitingFor().stream().map(id -> names.getOrDefault(id, "?")).toList(), e.waitingForClient(),
				viewer != null && ApprovalRules.mayDecide(workflow, e, viewer), held, history, comments);
	}

	/** The posts whose current step waits for this member: the in-app notification of the next approver. */
	public List<Waiting> waitingFor(Member member) {
		Workflow workflow = workflows.of(member.workspaceId());
		Map<UUID, List<ApprovalRules.Vote>> votes = store.pendingVotes(member.workspaceId());
		Map<UUID, String> names = names(member.workspaceId());
		List<Waiting> waiting = new ArrayList<>();
		for (ApprovalStore.PostApproval a : store.pending(member.workspaceId())) {
			ApprovalRules.Evaluation e = ApprovalRules.evaluate(workflow, a.authorId(), votes.getOrDefault(a.postId(), List.of()));
			if (ApprovalRules.mayDecide(workflow, e, member.userId())) {
				String preview = holds.post(member.workspaceId(), a.postId())
					.flatMap(p -> p.targets().stream().findFirst())
					.map(t -> t.text().length() > 80 ? t.text().substring(0, 79) + "…" : t.text())
					.orElse("");
				waiting.add(new Waiting(a.postId(), e.step() + 1, workflow.steps().get(e.step()).name(),
						names.getOrDefault(a.authorId(), "?"), preview));
			}
		}
		return waiting;
	}

	// --- workflow changes ---

	/** A new workflow applies to posts still pending: they start again at its first step (decisions stay in the history). */
	void workflowChanged(UUID workspaceId, Workflow workflow) {
		for (ApprovalStore.PostApproval a : store.pending(workspaceId)) {
			newRound(a, workflow);
		}
	}

	private void newRound(ApprovalStore.PostApproval a, Workflow workflow) {
		ApprovalStore.PostApproval next = new ApprovalStore.PostApproval(a.postId(), a.workspaceId(), a.authorId(),
				ApprovalStatus.PENDING, a.round() + 1, 0);
		store.update(a.postId(), ApprovalStatus.PENDING, next.round(), 0, clock.instant());
		holds.hold(a.workspaceId(), a.postId());
		settle(next, workflow);
	}

	/** Records where the post stands after a decision; the last approval releases it to the engine. */
	private void settle(ApprovalStore.PostApproval a, Workflow workflow) {
		ApprovalRules.Evaluation e = ApprovalRules.evaluate(workflow, a.authorId(), store.votes(a.postId(), a.round()));
		store.update(a.postId(), e.status(), a.round(), e.step(), clock.instant());
		if (e.status() == ApprovalStatus.APPROVED) {
			holds.release(a.workspaceId(), a.postId());
		}
	}

	private static String comment(Decision decision, String comment) {
		String text = comment == null ? "" : comment.strip();
		if (text.length() > MAX_COMMENT) {
			throw InvalidInput.of("comment", "max-length", "is longer than " + MAX_COMMENT + " characters");
		}
		if (text.isEmpty() && decision != Decision.APPROVE) {
			throw InvalidInput.of("comment", "required", "say what should change or why the post is rejected");
		}
		return text.isEmpty() ? null : text;
	}

	private RuntimeException notUnderApproval(Member member, UUID postId) {
		holds.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
		return InvalidInput.of("postId", "pending", "this post needs no approval");
	}

	Map<UUID, String> names(UUID workspaceId) {
		return members.of(workspaceId).stream()
			.collect(Collectors.toMap(WorkspaceMembers.Person::userId, WorkspaceMembers.Person::displayName, (x, y) -> x));
	}

	private String nameOf(UUID workspaceId, UUID userId) {
		return names(workspaceId).getOrDefault(userId, "?");
	}

	Instant now() {
		return clock.instant();
	}
}
