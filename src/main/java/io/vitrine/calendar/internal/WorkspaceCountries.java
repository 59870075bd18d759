package io.vitrine.calendar.internal;

import io.vitrine.calendar.Country;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The countries a workspace chose for its calendar, or a guess from its time zone until it chooses. */
@Component
public class WorkspaceCountries {

	private static final Map<String, Country> ZONE_COUNTRY = Map.ofEntries(Map.entry("Europe/Paris", Country.FR),
			Map.entry("Europe/London", Country.GB), Map.entry("America/New_York", Country.US),
			Map.entry("America/Chicago", Country.US), Map.entry("America/Denver", Country.US),
			Map.entry("America/Phoenix", Country.US), Map.entry("America/Los_Angeles", Country.US),
			Map.entry("America/Anchorage", Country.US), Map.entry("Pacific/Honolulu", Country.US),
			Map.entry("America/Toronto", Country.CA), Map.entry("America/Montreal", Country.CA),
			Map.entry("America/Vancouver", Country.CA), Map.entry("America/Edmonton", Country.CA),
			Map.entry("America/Winnipeg", Country.CA), Map.entry("America/Halifax", Country.CA),
			Map.entry("America/St_Johns", Country.CA), Map.entry("America/Regina", Country.CA));

	private final JdbcClient jdbc;

	private final Clock clock;

	WorkspaceCountries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Set<Country> of(UUID workspaceId, ZoneId workspaceZone) {
		Optional<String> chosen = jdbc.sql("select countries from calendar_settings where workspace_id = ?")
			.param(workspaceId)
			.query(String.class)
			.optional();
		if (chosen.isEmpty()) {
			Country guess = ZONE_COUNTRY.get(workspaceZone.getId());
			return guess == null ? EnumSet.noneOf(Country.class) : EnumSet.of(guess);
		}
		return Arrays.stream(chosen.get().split(",")).filter(s -> !s.isBlank()).map(Country::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Country.class)));
	}

	public void choose(UUID workspaceId, Collection<Country> countries) {
		String value = countries.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		// Update first, insert when absent: both databases, no MERGE dialects. Two managers saving at
		// once may both find no row; the primary key then refuses the second insert (a 500 they can retry).
		int updated = jdbc.sql("update calendar_settings set countries = ?, updated_at = ? where workspace_id = ?")
			.params(value, now, workspaceId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into calendar_settings (workspace_id, countries, updated_at) values (?, ?, ?)")
				.params(workspaceId, value, now)
				.update();
		}
	}
}
