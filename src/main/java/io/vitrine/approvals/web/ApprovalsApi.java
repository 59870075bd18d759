package io.vitrine.approvals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.approvals.Decision;
import io.vitrine.approvals.internal.ApprovalView;
import io.vitrine.approvals.internal.Approvals;
import io.vitrine.approvals.internal.ReviewLinks;
import io.vitrine.approvals.internal.Workflow;
import io.vitrine.approvals.internal.WorkflowSettings;
import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.WorkspaceMembers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
@Tag(name = "Approvals", description = "The approval workflow: its steps, decisions and comments on posts, what waits "
		+ "for you, and review links for clients without an account")
class ApprovalsApi {

	private final WorkspaceAccess access;

	private final WorkflowSettings settings;

	private final Approvals approvals;

	private final ReviewLinks links;

	private final WorkspaceMembers members;

	ApprovalsApi(WorkspaceAccess access, WorkflowSettings settings, Approvals approvals, ReviewLinks links,
			WorkspaceMembers members) {
		this.access = access;
		this.settings = settings;
		this.approvals = approvals;
		this.links = links;
		this.members = members;
	}

	@Schema(description = "A workspace's approval workflow; no step means posts need no approval")
	record WorkflowBody(
			@Schema(description = "contributors (only contributors' posts need approval) or everyone", allowableValues = {
					"contributors", "everyone" }) String appliesTo,
			@Schema(description = "in order; at most 10") List<StepBody> steps) {
	}

	@Schema(description = "One step: any one of its people approves for it, or all of them must")
	record StepBody(@Schema(example = "Editor") String name,
			@Schema(allowableValues = { "any", "all" }) String rule,
			@Schema(description = "user ids of members of the workspace") List<UUID> people,
			@Schema(description = "a client's decision through a review link counts as one of this step's people") Boolean externalReviewer,
			@Schema(description = "names of the people, in answers only") List<String> peopleNames) {
	}

	record DecisionBody(@Schema(allowableValues = { "approve", "request-changes", "reject" }) String decision,
			@Schema(description = "required to request changes or reject") String comment) {
	}

	record CommentBody(String body) {
	}

	record ReviewLinkBody(@Schema(description = "1 to 30; the server's default (7) when absent") Integer validDays) {
	}

	@GetMapping("/approvals/workflow")
	@Operation(summary = "The workspace's approval workflow")
	WorkflowBody workflow(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		return body(member, settings.of(member));
	}

	@PutMapping("/approvals/workflow")
	@Operation(summary = "Replace the approval workflow (owners and admins)", description = "Posts still pending start "
			+ "again at the first step of the new workflow; with no step, they are approved at once.")
	WorkflowBody replace(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody WorkflowBody body) {
		Member member = access.require(user, workspaceId);
		List<WorkflowSettings.StepInput> steps = body == null || body.steps() == null ? List.of()
				: body.steps().stream().map(s -> s == null ? null : new WorkflowSettings.StepInput(s.name(), s.rule(), s.people(),
						Boolean.TRUE.equals(s.externalReviewer()))).toList();
		return body(member, settings.replace(member, body == null ? null : body.appliesTo(), steps));
	}

	@GetMapping("/approvals/waiting")
	@Operation(summary = "Posts waiting for your decision", description = "The in-app notification of the next approver")
	List<Approvals.Waiting> waiting(CurrentUser user, @PathVariable UUID workspaceId) {
		return approvals.waitingFor(access.require(user, workspaceId));
	}

	@GetMapping("/posts/{postId}/approval")
	@Operation(summary = "A post's approval: status, current step, who it waits for, history of decisions, comments")
	ApprovalView approval(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId) {
		return approvals.view(access.require(user, workspaceId), postId);
	}

	@PostMapping("/posts/{postId}/approval/decisions")
	@Operation(summary = "Approve, request changes or reject at the current step", description = "Only the current step's "
			+ "people who have not decided yet (never the post's author). The last approval releases the post: it may then be "
			+ "scheduled, and targets already scheduled go out at their time.")
	ApprovalView decide(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId, @RequestBody DecisionBody body) {
		Member member = access.require(user, workspaceId);
		return approvals.decide(member, postId, Decision.parse("decision", body == null ? null : body.decision()),
				body == null ? null : body.comment());
	}

	@PostMapping("/posts/{postId}/approval/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Comment on a post (its thread)")
	ApprovalView comment(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId, @RequestBody CommentBody body) {
		Member member = access.require(user, workspaceId);
		approvals.comment(member, postId, body == null ? null : body.body());
		return approvals.view(member, postId);
	}

	@PostMapping("/posts/{postId}/review-links")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a review link for a client without an account", description = "The url (and its token) "
			+ "is shown only in this answer; only a hash is stored. Expires after validDays; revocable.")
	ReviewLinks.Created createLink(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId,
			@RequestBody(required = false) ReviewLinkBody body) {
		return links.create(access.require(user, workspaceId), postId, body == null ? null : body.validDays());
	}

	@GetMapping("/posts/{postId}/review-links")
	@Operation(summary = "A post's review links (never their secret)")
	List<ReviewLinks.Listed> listLinks(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId) {
		Member member = access.require(user, workspaceId);
		approvals.view(member, postId);
		return links.of(member, postId);
	}

	@PostMapping("/review-links/{linkId}/revoke")
	@Operation(summary = "Revoke a review link: it opens nothing any more")
	Map<String, UUID> revoke(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID linkId) {
		return Map.of("postId", links.revoke(access.require(user, workspaceId), linkId));
	}

	private WorkflowBody body(Member member, Workflow workflow) {
		Map<UUID, String> names = members.of(member.workspaceId()).stream()
			.collect(Collectors.toMap(WorkspaceMembers.Person::userId, WorkspaceMembers.Person::displayName, (a, b) -> a));
		return new WorkflowBody(workflow.appliesTo().value(), workflow.steps().stream()
			.map(s -> {
				List<UUID> people = s.people().stream().sorted().toList();
				return new StepBody(s.name(), s.rule().value(), people, s.externalReviewer(),
						people.stream().map(id -> names.getOrDefault(id, "?")).toList());
			})
			.toList());
	}
}
