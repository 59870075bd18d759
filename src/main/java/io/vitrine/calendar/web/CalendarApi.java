package io.vitrine.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.calendar.CalendarEvent;
import io.vitrine.calendar.Country;
import io.vitrine.calendar.NotableDates;
import io.vitrine.calendar.internal.CalendarEvents;
import io.vitrine.calendar.internal.WorkspaceCountries;
import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/calendar")
@Tag(name = "Calendar", description = "The content calendar: targets by day in their account's zone, and notable dates")
class CalendarApi {

	private final WorkspaceAccess access;

	private final CalendarEvents events;

	private final WorkspaceCountries countries;

	private final NotableDateNames names;

	CalendarApi(WorkspaceAccess access, CalendarEvents events, WorkspaceCountries countries, NotableDateNames names) {
		this.access = access;
		this.events = events;
		this.countries = countries;
		this.names = names;
	}

	record Countries(List<Country> countries, List<Country> available) {
	}

	record ChooseCountries(List<String> countries) {
	}

	@GetMapping("/events")
	@Operation(summary = "Targets due on some days", description = "Every target (drafts and cancelled ones aside) whose "
			+ "wall-clock time in its account's zone falls on a day in [from, to); at most " + CalendarEvents.MAX_DAYS
			+ " days, " + CalendarEvents.MAX_EVENTS + " events. Filters: network id, account id, state, content category id, "
			+ "campaign tag (case ignored). "
			+ "Move one with POST /api/v1/workspaces/{workspaceId}/targets/{targetId}/reschedule.")
	List<CalendarEvent> events(CurrentUser user, @PathVariable UUID workspaceId,
			@Parameter(description = "first day, e.g. 2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "day after the last, e.g. 2026-12-01") @RequestParam(required = false) String to,
			@RequestParam(required = false) String network, @RequestParam(required = false) String account,
			@RequestParam(required = false) String state, @RequestParam(required = false) String category,
			@RequestParam(required = false) String campaign) {
		Member member = access.require(user, workspaceId);
		return events.between(member, date("from", from), date("to", to),
				new CalendarEvents.Filter(network, uuid("account", account), state, uuid("category", category), campaign));
	}

	@GetMapping("/notable-dates")
	@Operation(summary = "Notable dates on some days", description = "Public holidays and observances (Mother's Day, "
			+ "Black Friday...) in [from, to), at most " + NotableDates.MAX_DAYS + " days, of the workspace's countries "
			+ "unless country is given (comma-separated: FR, US, CA, GB). Names follow Accept-Language (en, fr).")
	List<NotableDateView> notableDates(CurrentUser user, @PathVariable UUID workspaceId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String country) {
		Member member = access.require(user, workspaceId);
		Set<Country> chosen = country == null || country.isBlank() ? countries.of(member.workspaceId(), member.workspaceZone())
				: Set.copyOf(parse("country", Arrays.asList(country.split(","))));
		return names.views(member.workspaceId(), NotableDates.between(date("from", from), date("to", to), chosen));
	}

	@GetMapping("/countries")
	@Operation(summary = "The countries whose notable dates the calendar shows", description = "Until chosen, guessed from "
			+ "the workspace's time zone")
	Countries countries(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		return new Countries(List.copyOf(countries.of(member.workspaceId(), member.workspaceZone())), List.of(Country.values()));
	}

	@PutMapping("/countries")
	@Operation(summary = "Choose the countries", description = "Body: {\"countries\": [\"FR\", \"GB\"]}; an empty list shows none")
	Countries choose(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody ChooseCountries body) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_CHANGE_SETTINGS, member, "change the workspace's settings");
		if (body == null || body.countries() == null) {
			throw InvalidInput.of("countries", "required", "is required: a list such as [\"FR\", \"GB\"], possibly empty");
		}
		countries.choose(member.workspaceId(), parse("countries", body.countries()));
		return countries(user, workspaceId);
	}

	static List<Country> parse(String field, List<String> codes) {
		List<Country> parsed = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			parsed.add(Country.parse(codes.size() == 1 && field.equals("country") ? field : field + "[" + i + "]", codes.get(i)));
		}
		return parsed;
	}

	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			throw InvalidInput.of(field, "required", "is required, as a date such as 2026-11-01");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException e) {
			throw InvalidInput.of(field, "date", "must be a date such as 2026-11-01");
		}
	}

	static UUID uuid(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInput.of(field, "uuid", "must be an account id");
		}
	}
}
