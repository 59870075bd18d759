package io.vitrine.calendar.web;

import io.vitrine.calendar.internal.CalendarFeeds;
import io.vitrine.calendar.internal.IcsFeed;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.publishing.PlannedPosts;
import io.vitrine.publishing.TargetView;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Makes, revokes and serves a workspace's private feed; shared by its page, its API and the feed address. */
@Component
class CalendarFeedService {

	/** What a subscribed calendar shows: the recent past and the coming year. */
	static final Duration PAST = Duration.ofDays(92);

	static final Duration AHEAD = Duration.ofDays(400);

	static final int MAX_EVENTS = 10_000;

	private final CalendarFeeds feeds;

	private final PlannedPosts planned;

	private final Connections connections;

	private final Connectors connectors;

	private final Clock clock;

	private final String baseUrl;

	CalendarFeedService(CalendarFeeds feeds, PlannedPosts planned, Connections connections, Connectors connectors, Clock clock,
			@Value("${vitrine.base-url}") String baseUrl) {
		this.feeds = feeds;
		this.planned = planned;
		this.connections = connections;
		this.connectors = connectors;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** The feed address holds the workspace's whole plan: owners and admins decide whether it exists. */
	String issue(Member member) {
		Policies.require(Policies.MAY_CHANGE_SETTINGS, member, "change the workspace's settings");
		return url(feeds.issue(member.workspaceId(), member.userId()));
	}

	boolean revoke(Member member) {
		Policies.require(Policies.MAY_CHANGE_SETTINGS, member, "change the workspace's settings");
		return feeds.revoke(member.workspaceId());
	}

	Optional<CalendarFeeds.Feed> of(Member member) {
		return feeds.of(member.workspaceId());
	}

	String url(String token) {
		return baseUrl + "/feeds/calendar/" + token + ".ics";
	}

	/** @throws NotFound for a token that is not the current one of a workspace */
	void write(String token, Writer out) throws IOException {
		CalendarFeeds.Feed feed = feeds.byToken(token).orElseThrow(() -> new NotFound("calendar feed"));
		Instant now = clock.instant();
		List<TargetView> targets = planned.forFeed(feed.workspaceId(), now.minus(PAST), now.plus(AHEAD), MAX_EVENTS);
		Map<UUID, ConnectionView> accounts = new HashMap<>();
		connections.list(feed.workspaceId()).forEach(a -> accounts.put(a.id(), a));
		for (TargetView t : targets) {
			if (!accounts.containsKey(t.connectionId())) {
				try {
					accounts.put(t.connectionId(), connections.get(feed.workspaceId(), t.connectionId()));
				}
				catch (NotFound gone) {
					// shown without its account
				}
			}
		}
		Map<String, String> names = connectors.all().stream().collect(Collectors.toMap(c -> c.id().value(), c -> c.displayName()));
		IcsFeed.write(new IcsFeed.Context(feed.workspaceId(), "Vitrine", baseUrl, accounts, names), targets, out);
	}
}
