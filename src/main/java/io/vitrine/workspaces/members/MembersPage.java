package io.vitrine.workspaces.members;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** /w/{workspaceId}/members: the list, the add form, role changes and removals. */
@Controller
class MembersPage {

	private final WorkspaceAccess access;

	private final ListMembers list;

	private final AddMember add;

	private final ChangeRole change;

	private final RemoveMember remove;

	private final MessageSource messages;

	MembersPage(WorkspaceAccess access, ListMembers list, AddMember add, ChangeRole change, RemoveMember remove,
			MessageSource messages) {
		this.access = access;
		this.list = list;
		this.add = add;
		this.change = change;
		this.remove = remove;
		this.messages = messages;
	}

	@GetMapping("/w/{workspaceId}/members")
	ModelAndView show(CurrentUser user, @PathVariable UUID workspaceId) {
		return page(user, workspaceId, HttpStatus.OK, Map.of(), null);
	}

	@PostMapping("/w/{workspaceId}/members")
	ModelAndView add(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String role) {
		try {
			AddMember.Added added = add.add(user, workspaceId, email, displayName, role, LocaleContextHolder.getLocale());
			// Rendered, not redirected: the password link is shown once and must not travel in a URL or session.
			ModelAndView mav = page(user, workspaceId, HttpStatus.OK, Map.of(), null);
			mav.addObject("added", added);
			mav.addObject("notice", text("members.added", added.member().email()));
			return mav;
		}
		catch (InvalidInput e) {
			ModelAndView mav = page(user, workspaceId, HttpStatus.UNPROCESSABLE_CONTENT, byField(e), null);
			mav.addObject("email", email);
			mav.addObject("displayName", displayName);
			mav.addObject("role", role);
			return mav;
		}
	}

	@PostMapping("/w/{workspaceId}/members/{userId}/role")
	ModelAndView changeRole(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID userId,
			@RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
		try {
			change.change(user, workspaceId, userId, role);
			redirect.addFlashAttribute("notice", text("members.roleChanged"));
			return new ModelAndView("redirect:/w/" + workspaceId + "/members");
		}
		catch (InvalidInput e) {
			return page(user, workspaceId, HttpStatus.UNPROCESSABLE_CONTENT, Map.of(), rowError(userId, e));
		}
	}

	@PostMapping("/w/{workspaceId}/members/{userId}/remove")
	ModelAndView remove(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID userId,
			RedirectAttributes redirect) {
		try {
			remove.remove(user, workspaceId, userId);
			redirect.addFlashAttribute("notice", text("members.removed"));
			return new ModelAndView("redirect:/w/" + workspaceId + "/members");
		}
		catch (InvalidInput e) {
			return page(user, workspaceId, HttpStatus.UNPROCESSABLE_CONTENT, Map.of(), rowError(userId, e));
		}
	}

	private ModelAndView page(CurrentUser user, UUID workspaceId, HttpStatus status,
			Map<String, InvalidInput.Problem> problems, Map<String, Object> rowError) {
		Member me = access.require(user, workspaceId);
		ModelMap model = new ModelMap();
		model.addAttribute("workspaceId", workspaceId);
		model.addAttribute("me", me);
		model.addAttribute("members", list.list(user, workspaceId));
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("mayManage", Policies.MAY_MANAGE_MEMBERS.test(me));
		model.addAttribute("mayManageOwners", Policies.MAY_MANAGE_OWNERS.test(me));
		model.addAttribute("problems", problems);
		model.addAttribute("rowError", rowError);
		model.addAttribute("role", Role.EDITOR.name());
		return new ModelAndView("workspaces/members", model, status);
	}

	private static Map<String, Object> rowError(UUID userId, InvalidInput e) {
		InvalidInput.Problem problem = e.problems().getFirst();
		return Map.of("userId", userId, "problem", problem);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static Map<String, InvalidInput.Problem> byField(InvalidInput e) {
		return e.problems().stream().collect(Collectors.toMap(InvalidInput.Problem::field, Function.identity(), (a, b) -> a));
	}
}
