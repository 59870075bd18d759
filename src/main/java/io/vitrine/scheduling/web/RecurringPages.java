package io.vitrine.scheduling.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.publishing.PostDraft;
import io.vitrine.scheduling.internal.RecurringSeries;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Recurring posts in the browser: the rule form and the series with their cancel buttons. */
@Controller
@RequestMapping("/w/{workspaceId}/queue/recurring")
class RecurringPages {

	private final WorkspaceAccess access;

	private final RecurringSeries series;

	private final Connections connections;

	private final Connectors connectors;

	private final MessageSource messages;

	RecurringPages(WorkspaceAccess access, RecurringSeries series, Connections connections, Connectors connectors,
			MessageSource messages) {
		this.access = access;
		this.series = series;
		this.connections = connections;
		this.connectors = connectors;
		this.messages = messages;
	}

	@GetMapping
	String page(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		RecurringForm form = new RecurringForm();
		form.setTimeZone(member.workspaceZone().getId());
		return show(member, form, Map.of(), model);
	}

	@PostMapping
	String create(CurrentUser user, @PathVariable UUID workspaceId, @ModelAttribute RecurringForm form, Model model,
			RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		try {
			List<PostDraft.TargetDraft> drafts = form.getAccounts().stream()
				.map(a -> new PostDraft.TargetDraft(a, form.getText(), form.getLink(), List.of()))
				.toList();
			RecurringSeries.Series created = series.create(member, drafts, RecurrenceInput.read(form.getStart(), form.getTimeZone(),
					integer("every", form.getEvery()), form.getUnit(),
					"weeks".equalsIgnoreCase(form.getUnit()) ? form.getWeekdays() : List.of(), form.getUntil(), count(form), member.workspaceZone()));
			redirect.addFlashAttribute("notice", messages.getMessage("recurring.created", new Object[] { created.postIds().size() },
					LocaleContextHolder.getLocale()));
			return "redirect:/w/" + workspaceId + "/queue/recurring";
		}
		catch (InvalidInput e) {
			Map<String, InvalidInput.Problem> problems = new LinkedHashMap<>();
			e.problems().forEach(p -> problems.putIfAbsent(field(p.field()), p));
			return show(member, form, problems, model);
		}
	}

	@PostMapping("/{seriesId}/cancel")
	String cancel(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID seriesId, RedirectAttributes redirect) {
		int cancelled = series.cancel(access.require(user, workspaceId), seriesId);
		redirect.addFlashAttribute("notice", messages.getMessage("recurring.cancelled", new Object[] { cancelled },
				LocaleContextHolder.getLocale()));
		return "redirect:/w/" + workspaceId + "/queue/recurring";
	}

	/** Errors on a target's variant are shown beside the text; a wrong weekday beside the weekdays. */
	private static String field(String field) {
		if (field.startsWith("targets")) {
			return field.endsWith("connectionId") ? "accounts" : "text";
		}
		return field.startsWith("weekdays") ? "weekdays" : field;
	}

	private static Integer count(RecurringForm form) {
		return "count".equals(form.getEnds()) ? integer("count", form.getCount()) : null;
	}

	private static Integer integer(String field, String value) {
		try {
			return Integer.valueOf(value == null ? "" : value.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInput.of(field, "integer", "must be a whole number");
		}
	}

	private String show(Member member, RecurringForm form, Map<String, InvalidInput.Problem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("accounts", connections.list(member.workspaceId()));
		model.addAttribute("networks", connectors.all().stream().collect(Collectors.toMap(c -> c.id().value(), c -> c.displayName())));
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("series", series.list(member));
		model.addAttribute("mayChange", Policies.MAY_SCHEDULE.test(member));
		return "queue/recurring";
	}
}
