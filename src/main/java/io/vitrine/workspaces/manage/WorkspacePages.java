package io.vitrine.workspaces.manage;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.WorkspaceSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** /workspaces/new and /w/{workspaceId}/settings. */
@Controller
class WorkspacePages {

	private final WorkspaceAccess access;

	private final CreateWorkspace create;

	private final UpdateWorkspace update;

	private final MessageSource messages;

	WorkspacePages(WorkspaceAccess access, CreateWorkspace create, UpdateWorkspace update, MessageSource messages) {
		this.access = access;
		this.create = create;
		this.update = update;
		this.messages = messages;
	}

	@GetMapping("/workspaces/new")
	String newForm(Model model) {
		model.addAttribute("zones", ZoneChoices.all());
		model.addAttribute("zone", ZoneChoices.FALLBACK);
		model.addAttribute("preselectBrowserZone", true);
		return "workspaces/new";
	}

	@PostMapping("/workspaces/new")
	ModelAndView create(CurrentUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String timeZone, RedirectAttributes redirect) {
		try {
			WorkspaceSummary created = create.create(user, name, timeZone);
			redirect.addFlashAttribute("notice", text("workspace.created", created.name()));
			return new ModelAndView("redirect:/w/" + created.id() + "/posts");
		}
		catch (InvalidInput e) {
			ModelAndView mav = new ModelAndView("workspaces/new", HttpStatus.UNPROCESSABLE_CONTENT);
			mav.addObject("zones", ZoneChoices.all());
			mav.addObject("name", name);
			mav.addObject("zone", timeZone);
			mav.addObject("problems", byField(e));
			return mav;
		}
	}

	@GetMapping("/w/{workspaceId}/settings")
	String settings(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		fill(model, member, member.workspaceName(), member.workspaceZone().getId());
		return "workspaces/settings";
	}

	@PostMapping("/w/{workspaceId}/settings")
	ModelAndView save(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String timeZone, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			update.update(user, workspaceId, name, timeZone);
			redirect.addFlashAttribute("notice", text("workspace.saved"));
			return new ModelAndView("redirect:/w/" + workspaceId + "/settings");
		}
		catch (InvalidInput e) {
			ModelAndView mav = new ModelAndView("workspaces/settings", HttpStatus.UNPROCESSABLE_CONTENT);
			fill(mav.getModelMap(), member, name, timeZone);
			mav.addObject("problems", byField(e));
			return mav;
		}
	}

	private static void fill(Map<String, Object> model, Member member, String name, String zone) {
		List<String> zones = new ArrayList<>(ZoneChoices.all());
		if (!zones.contains(member.workspaceZone().getId())) {
			zones.addFirst(member.workspaceZone().getId());
		}
		model.put("workspaceId", member.workspaceId());
		model.put("mayChange", Policies.MAY_CHANGE_SETTINGS.test(member));
		model.put("zones", zones);
		model.put("name", name);
		model.put("zone", zone);
	}

	private static void fill(Model model, Member member, String name, String zone) {
		fill(model.asMap(), member, name, zone);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	static Map<String, InvalidInput.Problem> byField(InvalidInput e) {
		return e.problems().stream().collect(Collectors.toMap(InvalidInput.Problem::field, Function.identity(), (a, b) -> a));
	}
}
