package io.vitrine.calendar.web;

import io.vitrine.calendar.Country;
import io.vitrine.calendar.internal.WorkspaceCountries;
import io.vitrine.categories.ContentCategories;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.WeekFields;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calendar page (FullCalendar reads the events API), the keyboard way to move one post (a
 * form per target, linked from each event), and the choice of countries for notable dates.
 */
@Controller
@RequestMapping("/w/{workspaceId}/calendar")
class CalendarPages {

	static final List<String> STATES = List.of("scheduled", "publishing", "pending", "published", "failed", "unknown");

	private final WorkspaceAccess access;

	private final Connections connections;

	private final Connectors connectors;

	private final PlannedPosts planned;

	private final WorkspaceCountries countries;

	private final MessageSource messages;

	private final CalendarFeedService feeds;

	private final ContentCategories categories;

	CalendarPages(WorkspaceAccess access, Connections connections, Connectors connectors, PlannedPosts planned,
			WorkspaceCountries countries, MessageSource messages, CalendarFeedService feeds, ContentCategories categories) {
		this.feeds = feeds;
		this.categories = categories;
		this.access = access;
		this.connections = connections;
		this.connectors = connectors;
		this.planned = planned;
		this.countries = countries;
		this.messages = messages;
	}

	@GetMapping
	String calendar(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(required = false) String date,
			HttpServletRequest request, Model model) {
		Member member = access.require(user, workspaceId);
		Locale locale = LocaleContextHolder.getLocale();
		DayOfWeek firstDay = firstDayOfWeek(locale, request);
		model.addAttribute("member", member);
		model.addAttribute("accounts", connections.list(member.workspaceId()));
		model.addAttribute("networks", networkNames());
		model.addAttribute("states", STATES);
		model.addAttribute("stateNames", STATES.stream().map(s -> messages.getMessage("calendar.state." + s, null, s, locale))
			.collect(Collectors.joining("|")));
		model.addAttribute("initialDate", parseDate(date).map(LocalDate::toString).orElse(""));
		model.addAttribute("firstDay", firstDay.getValue() % 7); // FullCalendar: 0 = Sunday
		model.addAttribute("calendarLocale", "fr".equals(locale.getLanguage()) ? "fr"
				: firstDay == DayOfWeek.MONDAY ? "en-gb" : "en");
		model.addAttribute("countries", countries.of(member.workspaceId(), member.workspaceZone()));
		model.addAttribute("categories", categories.list(member));
		model.addAttribute("campaigns", planned.campaigns(member));
		return "calendar/calendar";
	}

	@GetMapping("/targets/{targetId}")
	String target(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId, Model model) {
		Member member = access.require(user, workspaceId);
		TargetView target = planned.find(member, targetId).orElseThrow(() -> new NotFound("target " + targetId));
		ConnectionView account = connections.get(member.workspaceId(), target.connectionId());
		ZoneId zone = account.zoneOr(member.workspaceZone());
		targetModel(member, target, account, zone, LocalDateTime.ofInstant(target.dueAt(), zone).truncatedTo(ChronoUnit.MINUTES)
			.toString(), zone.getId(), Map.of(), model);
		return "calendar/target";
	}

	@PostMapping("/targets/{targetId}")
	String reschedule(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID targetId,
			@RequestParam(defaultValue = "") String scheduledAt, @RequestParam(defaultValue = "") String timeZone,
			Model model, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		TargetView target = planned.find(member, targetId).orElseThrow(() -> new NotFound("target " + targetId));
		ConnectionView account = connections.get(member.workspaceId(), target.connectionId());
		try {
			TargetView moved = planned.reschedule(member, targetId, scheduledAt, timeZone);
			ZoneId zone = timeZone.isBlank() ? member.workspaceZone() : ZoneId.of(timeZone.strip());
			LocalDate day = LocalDate.ofInstant(moved.dueAt(), zone);
			redirect.addFlashAttribute("notice", messages.getMessage("calendar.moved",
					new Object[] { account.handle(), LocalDateTime.ofInstant(moved.dueAt(), zone).truncatedTo(ChronoUnit.MINUTES)
						.toString().replace('T', ' ') + " " + zone.getId() }, LocaleContextHolder.getLocale()));
			return "redirect:/w/" + workspaceId + "/calendar?date=" + day;
		}
		catch (InvalidInput e) {
			Map<String, InvalidInput.Problem> problems = e.problems().stream()
				.collect(Collectors.toMap(p -> p.field().equals("targetId") || p.field().equals("connectionId") ? "scheduledAt"
						: p.field(), Function.identity(), (a, b) -> a));
			targetModel(member, target, account, account.zoneOr(member.workspaceZone()), scheduledAt, timeZone, problems, model);
			return "calendar/target";
		}
	}

	@GetMapping("/settings")
	String settings(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		model.addAttribute("member", member);
		model.addAttribute("chosen", countries.of(member.workspaceId(), member.workspaceZone()));
		model.addAttribute("available", List.of(Country.values()));
		model.addAttribute("mayChange", Policies.MAY_CHANGE_SETTINGS.test(member));
		model.addAttribute("feed", feeds.of(member).orElse(null));
		return "calendar/settings";
	}

	@PostMapping("/settings")
	String chooseCountries(CurrentUser user, @PathVariable UUID workspaceId,
			@RequestParam(name = "countries", required = false) List<String> chosen, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_CHANGE_SETTINGS, member, "change the workspace's settings");
		countries.choose(member.workspaceId(), CalendarApi.parse("countries", chosen == null ? List.of() : chosen));
		redirect.addFlashAttribute("notice", messages.getMessage("calendar.settings.saved", null, LocaleContextHolder.getLocale()));
		return "redirect:/w/" + workspaceId + "/calendar";
	}

	private void targetModel(Member member, TargetView target, ConnectionView account, ZoneId zone, String scheduledAt,
			String timeZone, Map<String, InvalidInput.Problem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("target", target);
		model.addAttribute("account", account);
		model.addAttribute("network", networkNames().getOrDefault(account.network().value(), account.network().value()));
		model.addAttribute("zone", zone);
		model.addAttribute("scheduledAt", scheduledAt);
		model.addAttribute("timeZone", timeZone);
		model.addAttribute("problems", problems);
		model.addAttribute("movable", target.state() == TargetState.SCHEDULED && Policies.MAY_SCHEDULE.test(member));
		model.addAttribute("backDate", LocalDate.ofInstant(target.dueAt(), zone).toString());
	}

	/**
	 * French pages start weeks on Monday; English ones follow the browser's region (Monday in the UK,
	 * Sunday in the US and Canada), Sunday when it names none.
	 */
	static DayOfWeek firstDayOfWeek(Locale page, HttpServletRequest request) {
		if ("fr".equals(page.getLanguage())) {
			return DayOfWeek.MONDAY;
		}
		for (Locale wanted : Collections.list(request.getLocales())) {
			if (wanted.getLanguage().equals(page.getLanguage()) && !wanted.getCountry().isEmpty()) {
				return WeekFields.of(wanted).getFirstDayOfWeek();
			}
		}
		return DayOfWeek.SUNDAY;
	}

	private static java.util.Optional<LocalDate> parseDate(String date) {
		try {
			return date == null || date.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.parse(date.strip()));
		}
		catch (DateTimeException e) {
			return java.util.Optional.empty();
		}
	}

	private Map<String, String> networkNames() {
		return connectors.all().stream().collect(Collectors.toMap(c -> c.id().value(), c -> c.displayName()));
	}

}
