package io.vitrine.calendar.internal;

import io.vitrine.calendar.CalendarEvent;
import io.vitrine.categories.ContentCategories;
import io.vitrine.categories.ContentCategory;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.PostLabels;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The targets of a range of days, each placed at its wall-clock time in its account's zone. */
@Component
public class CalendarEvents {

	public static final int MAX_DAYS = 100;

	public static final int MAX_EVENTS = 20_000;

	private static final int PREVIEW = 80;

	private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

	private static final java.time.format.DateTimeFormatter WALL_CLOCK = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	/** Offsets run from UTC-12 to UTC+14: a wall-clock day in any zone lies within this margin of UTC's. */
	private static final Duration EARLIEST_OFFSET = Duration.ofHours(14);

	private static final Duration LATEST_OFFSET = Duration.ofHours(12);

	private final PlannedPosts planned;

	private final Connections connections;

	private final Connectors connectors;

	private final ContentCategories categories;

	CalendarEvents(PlannedPosts planned, Connections connections, Connectors connectors, ContentCategories categories) {
		this.categories = categories;
		this.planned = planned;
		this.connections = connections;
		this.connectors = connectors;
	}

	/** @param campaign a campaign tag, case ignored */
	public record Filter(String network, UUID account, String state, UUID category, String campaign) {

		public Filter(String network, UUID account, String state) {
			this(network, account, state, null, null);
		}

		boolean keeps(PostLabels labels) {
			return (category == null || category.equals(labels.categoryId()))
					&& (campaign == null || campaign.isBlank() || campaign.strip().equalsIgnoreCase(labels.campaign()));
		}

		TargetState stateOrNull() {
			if (state == null || state.isBlank()) {
				return null;
			}
			try {
				return TargetState.fromDb(state.strip());
			}
			catch (IllegalArgumentException e) {
				throw InvalidInput.of("state", "one-of",
						"must be one of scheduled, publishing, pending, published, failed, unknown, got '" + state + "'");
			}
		}
	}

	/** Days from {@code from} included to {@code to} excluded. */
	public List<CalendarEvent> between(Member member, LocalDate from, LocalDate to, Filter filter) {
		if (from == null || to == null) {
			throw InvalidInput.of(from == null ? "from" : "to", "required", "is required, as a date such as 2026-11-01");
		}
		if (!to.isAfter(from)) {
			throw InvalidInput.of("to", "after", "must be after from");
		}
		if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
			throw InvalidInput.of("to", "range", "at most " + MAX_DAYS + " days after from");
		}
		TargetState state = filter.stateOrNull();
		Map<UUID, ConnectionView> accounts = new HashMap<>();
		connections.list(member.workspaceId()).forEach(a -> accounts.put(a.id(), a));
		Instant earliest = from.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).minus(EARLIEST_OFFSET);
		Instant latest = to.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(LATEST_OFFSET);
		List<TargetView> targets = planned.dueBetween(member, earliest, latest, MAX_EVENTS);
		Map<UUID, PostLabels> labels = planned.labelsDueBetween(member, earliest, latest);
		Map<UUID, ContentCategory> categoryById = new HashMap<>();
		categories.list(member).forEach(c -> categoryById.put(c.id(), c));
		boolean mayMove = Policies.MAY_SCHEDULE.test(member);
		Map<NetworkId, String> networkNames = new HashMap<>();
		List<CalendarEvent> events = new ArrayList<>();
		for (TargetView t : targets) {
			ConnectionView account = accounts.computeIfAbsent(t.connectionId(), id -> disconnected(member, id));
			if (account == null || (state != null && t.state() != state)
					|| (filter.account() != null && !filter.account().equals(account.id()))
					|| (filter.network() != null && !filter.network().isBlank() && !filter.network().equals(account.network().value()))) {
				continue;
			}
			PostLabels label = labels.getOrDefault(t.postId(), PostLabels.NONE);
			if (!filter.keeps(label)) {
				continue;
			}
			ContentCategory category = label.categoryId() == null ? null : categoryById.get(label.categoryId());
			ZoneId zone = account.zoneOr(member.workspaceZone());
			LocalDateTime local = LocalDateTime.ofInstant(t.dueAt(), zone);
			if (local.toLocalDate().isBefore(from) || !local.toLocalDate().isBefore(to)) {
				continue;
			}
			events.add(new CalendarEvent(t.id(), t.postId(), account.id(), account.network().value(),
					networkNames.computeIfAbsent(account.network(), n -> networkName(account)),
					account.handle(), zone.getId(), WALL_CLOCK.format(local), t.dueAt(),
					t.state().dbValue(), preview(t.text()), mayMove && t.state() == TargetState.SCHEDULED,
					"/w/" + member.workspaceId() + "/calendar/targets/" + t.id(), category == null ? null : category.name(),
					category == null ? null : category.color(), label.campaign()));
		}
		return events;
	}

	/** Past posts of a disconnected account keep their place on the calendar. */
	private ConnectionView disconnected(Member member, UUID id) {
		try {
			return connections.get(member.workspaceId(), id);
		}
		catch (NotFound e) {
			return null;
		}
	}

	private String networkName(ConnectionView account) {
		try {
			NetworkConnector connector = connectors.get(account.network());
			return connector.displayName();
		}
		catch (NotFound e) {
			return account.network().value();
		}
	}

	static String preview(String text) {
		String flat = text == null ? "" : SPACES.matcher(text.strip()).replaceAll(" ");
		if (flat.codePointCount(0, flat.length()) <= PREVIEW) {
			return flat;
		}
		return flat.substring(0, flat.offsetByCodePoints(0, PREVIEW - 1)) + "…";
	}
}
