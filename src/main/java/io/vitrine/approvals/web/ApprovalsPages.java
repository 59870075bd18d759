package io.vitrine.approvals.web;

import io.vitrine.approvals.Decision;
import io.vitrine.approvals.internal.ApprovalView;
import io.vitrine.approvals.internal.Approvals;
import io.vitrine.approvals.internal.ReviewLinks;
import io.vitrine.approvals.internal.WorkflowSettings;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.publishing.ApprovalHolds;
import io.vitrine.publishing.PostView;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.WorkspaceMembers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The approval pages: what waits for you, a post's approval (decide, comment, share), the workflow settings. */
@Controller
@RequestMapping("/w/{workspaceId}/approvals")
class ApprovalsPages {

	private final WorkspaceAccess access;

	private final Approvals approvals;

	private final WorkflowSettings settings;

	private final ReviewLinks links;

	private final ApprovalHolds holds;

	private final WorkspaceMembers members;

	private final Connections connections;

	private final Connectors connectors;

	private final MessageSource messages;

	ApprovalsPages(WorkspaceAccess access, Approvals approvals, WorkflowSettings settings, ReviewLinks links, ApprovalHolds holds,
			WorkspaceMembers members, Connections connections, Connectors connectors, MessageSource messages) {
		this.access = access;
		this.approvals = approvals;
		this.settings = settings;
		this.links = links;
		this.holds = holds;
		this.members = members;
		this.connections = connections;
		this.connectors = connectors;
		this.messages = messages;
	}

	@GetMapping
	String waiting(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		model.addAttribute("member", member);
		model.addAttribute("waiting", approvals.waitingFor(member));
		model.addAttribute("workflow", settings.of(member));
		return "approvals/waiting";
	}

	/** The navigation's "waiting for you" count, loaded by htmx on every workspace page. */
	@GetMapping("/badge")
	String badge(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		model.addAttribute("count", approvals.waitingFor(access.require(user, workspaceId)).size());
		return "approvals/waiting :: badge";
	}

	@GetMapping("/settings")
	String settingsPage(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		settingsModel(member, WorkflowForm.of(settings.of(member)).withBlankStep(), List.of(), model);
		return "approvals/settings";
	}

	@PostMapping("/settings/add-step")
	String addStep(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute WorkflowForm form, Model model) {
		Member member = access.require(user, workspaceId);
		settingsModel(member, form.withBlankStep(), List.of(), model);
		return "approvals/settings :: form";
	}

	@PostMapping("/settings")
	String saveSettings(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute WorkflowForm form, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			settings.replace(member, form.getAppliesTo(), form.inputs());
		}
		catch (InvalidInput e) {
			settingsModel(member, form, e.problems(), model);
			return "approvals/settings";
		}
		redirect.addFlashAttribute("notice", text("approvals.settings.saved"));
		return "redirect:/w/" + workspaceId + "/approvals/settings";
	}

	@GetMapping("/posts/{postId}")
	String post(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId, Model model) {
		Member member = access.require(user, workspaceId);
		postModel(member, postId, List.of(), model);
		return "approvals/post";
	}

	@PostMapping("/posts/{postId}/decide")
	String decide(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String comment, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			approvals.decide(member, postId, Decision.parse("decision", decision), comment);
		}
		catch (InvalidInput e) {
			model.addAttribute("comment", comment);
			postModel(member, postId, e.problems(), model);
			return "approvals/post";
		}
		redirect.addFlashAttribute("notice", text("approvals.decided." + Decision.parse("decision", decision).value()));
		return "redirect:/w/" + workspaceId + "/approvals/posts/" + postId;
	}

	@PostMapping("/posts/{postId}/comments")
	String comment(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId,
			@RequestParam(required = false) String body, Model model, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			approvals.comment(member, postId, body);
		}
		catch (InvalidInput e) {
			model.addAttribute("body", body);
			postModel(member, postId, e.problems(), model);
			return "approvals/post";
		}
		redirect.addFlashAttribute("notice", text("approvals.commented"));
		return "redirect:/w/" + workspaceId + "/approvals/posts/" + postId + "#comments";
	}

	@PostMapping("/posts/{postId}/review-links")
	String share(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID postId,
			@RequestParam(required = false) Integer validDays, RedirectAttributes redirect) {
		ReviewLinks.Created created = links.create(access.require(user, workspaceId), postId, validDays);
		redirect.addFlashAttribute("createdLink", created);
		redirect.addFlashAttribute("notice", text("approvals.links.created.notice"));
		return "redirect:/w/" + workspaceId + "/approvals/posts/" + postId + "#links";
	}

	@PostMapping("/review-links/{linkId}/revoke")
	String revoke(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID linkId, RedirectAttributes redirect) {
		UUID postId = links.revoke(access.require(user, workspaceId), linkId);
		redirect.addFlashAttribute("notice", text("approvals.links.revoked.notice"));
		return "redirect:/w/" + workspaceId + "/approvals/posts/" + postId + "#links";
	}

	private void settingsModel(Member member, WorkflowForm form, List<InvalidInput.Problem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		model.addAttribute("people", members.of(member.workspaceId()));
		model.addAttribute("mayChange", Policies.MAY_CHANGE_SETTINGS.test(member));
		model.addAttribute("problems", byField(problems));
	}

	private void postModel(Member member, UUID postId, List<InvalidInput.Problem> problems, Model model) {
		ApprovalView approval = approvals.view(member, postId);
		PostView post = holds.post(member.workspaceId(), postId).orElseThrow(() -> new NotFound("post " + postId));
		Map<UUID, ConnectionView> accounts = connections.list(member.workspaceId()).stream()
			.collect(Collectors.toMap(ConnectionView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		Map<UUID, String> names = members.of(member.workspaceId()).stream()
			.collect(Collectors.toMap(WorkspaceMembers.Person::userId, WorkspaceMembers.Person::displayName, (a, b) -> a));
		model.addAttribute("member", member);
		model.addAttribute("post", post);
		model.addAttribute("author", names.getOrDefault(post.createdBy(), "?"));
		model.addAttribute("names", names);
		model.addAttribute("approval", approval);
		model.addAttribute("accounts", accounts);
		model.addAttribute("networks", connectors.all().stream().collect(Collectors.toMap(c -> c.id().value(), c -> c.displayName())));
		model.addAttribute("links", links.of(member, postId));
		model.addAttribute("mayShare", links.mayShare(member));
		model.addAttribute("problems", byField(problems));
	}

	private static Map<String, InvalidInput.Problem> byField(List<InvalidInput.Problem> problems) {
		return problems.stream().collect(Collectors.toMap(InvalidInput.Problem::field, Function.identity(), (a, b) -> a,
				LinkedHashMap::new));
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
