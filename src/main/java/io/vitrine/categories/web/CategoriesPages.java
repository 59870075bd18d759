package io.vitrine.categories.web;

import io.vitrine.categories.ContentCategories;
import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
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
import java.util.Map;
import java.util.UUID;

/** Settings → Content categories: the list, adding one, renaming or recolouring, removing. */
@Controller
class CategoriesPages {

	private final WorkspaceAccess access;

	private final ContentCategories categories;

	private final MessageSource messages;

	CategoriesPages(WorkspaceAccess access, ContentCategories categories, MessageSource messages) {
		this.access = access;
		this.categories = categories;
		this.messages = messages;
	}

	@GetMapping("/w/{workspaceId}/settings/categories")
	String page(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		return show(access.require(user, workspaceId), model, "", "", null, Map.of());
	}

	@PostMapping("/w/{workspaceId}/settings/categories")
	String create(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String color, Model model, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			categories.create(member, name, color);
		}
		catch (InvalidInput e) {
			return show(member, model, name, color, null, problems(e));
		}
		redirect.addFlashAttribute("notice", text("categories.created", name.strip()));
		return "redirect:/w/" + workspaceId + "/settings/categories";
	}

	@PostMapping("/w/{workspaceId}/settings/categories/{categoryId}")
	String change(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID categoryId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String color, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			categories.change(member, categoryId, name, color);
		}
		catch (InvalidInput e) {
			return show(member, model, "", "", categoryId, problems(e));
		}
		redirect.addFlashAttribute("notice", text("categories.changed", name.strip()));
		return "redirect:/w/" + workspaceId + "/settings/categories";
	}

	@PostMapping("/w/{workspaceId}/settings/categories/{categoryId}/delete")
	String delete(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID categoryId, RedirectAttributes redirect) {
		categories.delete(access.require(user, workspaceId), categoryId);
		redirect.addFlashAttribute("notice", text("categories.deleted"));
		return "redirect:/w/" + workspaceId + "/settings/categories";
	}

	private String show(Member member, Model model, String name, String color, UUID failed, Map<String, InvalidInput.Problem> problems) {
		model.addAttribute("workspaceId", member.workspaceId());
		model.addAttribute("categories", categories.list(member));
		model.addAttribute("mayChange", Policies.MAY_SCHEDULE.test(member));
		model.addAttribute("palette", ContentCategories.PALETTE);
		model.addAttribute("name", name);
		model.addAttribute("color", color == null || color.isBlank()
				? ContentCategories.PALETTE.get(categories.list(member).size() % ContentCategories.PALETTE.size()) : color);
		model.addAttribute("failed", failed);
		model.addAttribute("problems", problems);
		return "categories/categories";
	}

	private static Map<String, InvalidInput.Problem> problems(InvalidInput e) {
		Map<String, InvalidInput.Problem> byField = new LinkedHashMap<>();
		e.problems().forEach(p -> byField.putIfAbsent(p.field(), p));
		return byField;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
