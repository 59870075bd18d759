package io.vitrine.snippets.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.snippets.SnippetKind;
import io.vitrine.snippets.Snippets;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Settings → Hashtag groups and templates: both lists, adding, changing and removing. */
@Controller
class SnippetsPages {

	private final WorkspaceAccess access;

	private final Snippets snippets;

	private final MessageSource messages;

	SnippetsPages(WorkspaceAccess access, Snippets snippets, MessageSource messages) {
		this.access = access;
		this.snippets = snippets;
		this.messages = messages;
	}

	@GetMapping("/w/{workspaceId}/settings/snippets")
	String page(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		return show(access.require(user, workspaceId), model, null, "", "", Map.of());
	}

	@PostMapping("/w/{workspaceId}/settings/snippets/{kind}")
	String create(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String body, Model model, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		SnippetKind parsed = kind(kind);
		try {
			snippets.create(member, parsed, name, body);
		}
		catch (InvalidInput e) {
			return show(member, model, parsed, name, body, problems(e));
		}
		redirect.addFlashAttribute("notice", text("snippets.saved"));
		return "redirect:/w/" + workspaceId + "/settings/snippets";
	}

	@PostMapping("/w/{workspaceId}/settings/snippets/{kind}/{snippetId}")
	String change(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String kind, @PathVariable UUID snippetId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String body, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			snippets.change(member, kind(kind), snippetId, name, body);
			redirect.addFlashAttribute("notice", text("snippets.saved"));
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("notice", text("snippets.notSaved") + " " + e.problems().getFirst().message());
		}
		return "redirect:/w/" + workspaceId + "/settings/snippets";
	}

	@PostMapping("/w/{workspaceId}/settings/snippets/{kind}/{snippetId}/delete")
	String delete(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String kind, @PathVariable UUID snippetId,
			RedirectAttributes redirect) {
		snippets.delete(access.require(user, workspaceId), kind(kind), snippetId);
		redirect.addFlashAttribute("notice", text("snippets.deleted"));
		return "redirect:/w/" + workspaceId + "/settings/snippets";
	}

	private String show(Member member, Model model, SnippetKind failed, String name, String body,
			Map<String, InvalidInput.Problem> problems) {
		model.addAttribute("workspaceId", member.workspaceId());
		model.addAttribute("hashtagGroups", snippets.list(member, SnippetKind.HASHTAGS));
		model.addAttribute("templates", snippets.list(member, SnippetKind.TEMPLATE));
		model.addAttribute("mayChange", Policies.MAY_SCHEDULE.test(member));
		model.addAttribute("failed", failed == null ? "" : failed.value());
		model.addAttribute("name", name);
		model.addAttribute("body", body);
		model.addAttribute("problems", problems);
		return "snippets/snippets";
	}

	private static SnippetKind kind(String kind) {
		try {
			return SnippetKind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new NotFound("snippet kind " + kind);
		}
	}

	private static Map<String, InvalidInput.Problem> problems(InvalidInput e) {
		Map<String, InvalidInput.Problem> byField = new LinkedHashMap<>();
		e.problems().forEach(p -> byField.putIfAbsent(p.field(), p));
		return byField;
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}
}
