package io.vitrine.shared;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZonesTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void nine_in_paris_on_the_spring_change_is_seven_utc_the_summer_offset() {
		assertThat(Zones.resolve("scheduledAt", LocalDateTime.parse("2026-03-29T09:00"), PARIS))
			.isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
	}

	@Test
	void nine_in_paris_the_day_before_the_spring_change_is_eight_utc_the_winter_offset() {
		assertThat(Zones.resolve("scheduledAt", LocalDateTime.parse("2026-03-28T09:00"), PARIS))
			.isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
	}

	@Test
	void nine_in_paris_on_the_autumn_change_is_eight_utc() {
		assertThat(Zones.resolve("scheduledAt", LocalDateTime.parse("2026-10-25T09:00"), PARIS))
			.isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
	}

	@Test
	void half_past_two_on_the_spring_change_does_not_exist_and_is_refused_naming_the_gap() {
		assertThatThrownBy(() -> Zones.resolve("scheduledAt", LocalDateTime.parse("2026-03-29T02:30"), PARIS))
			.isInstanceOfSatisfying(InvalidInput.class, e -> {
				assertThat(e.problems()).singleElement().satisfies(p -> {
					assertThat(p.field()).isEqualTo("scheduledAt");
					assertThat(p.rule()).isEqualTo("nonexistent-local-time");
					assertThat(p.message()).contains("02:30 does not exist on 2026-03-29 in Europe/Paris")
						.contains("from 02:00 to 03:00");
				});
			});
	}

	@Test
	void half_past_two_on_the_autumn_change_happens_twice_and_means_the_first_one() {
		assertThat(Zones.resolve("scheduledAt", LocalDateTime.parse("2026-10-25T02:30"), PARIS))
			.isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
	}

	@Test
	void a_zone_that_is_not_iana_is_refused() {
		assertThatThrownBy(() -> Zones.parse("timeZone", "CEST"))
			.isInstanceOfSatisfying(InvalidInput.class,
					e -> assertThat(e.problems().get(0).rule()).isEqualTo("iana-zone"));
		assertThat(Zones.parse("timeZone", "America/Toronto")).isEqualTo(ZoneId.of("America/Toronto"));
	}
}
