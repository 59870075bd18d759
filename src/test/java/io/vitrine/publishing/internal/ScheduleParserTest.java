package io.vitrine.publishing.internal;

import io.vitrine.publishing.PostDraft;
import io.vitrine.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleParserTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void a_wall_clock_time_is_read_in_the_given_zone() {
		PostDraft.When when = ScheduleParser.parse("schedule", "2026-03-29T09:00", "America/New_York", PARIS);
		assertThat(when).isEqualTo(new PostDraft.At(Instant.parse("2026-03-29T13:00:00Z"), ZoneId.of("America/New_York")));
	}

	@Test
	void a_wall_clock_time_without_zone_is_read_in_the_workspace_zone() {
		assertThat(ScheduleParser.parse(null, "2026-03-29T09:00", null, PARIS))
			.isEqualTo(new PostDraft.At(Instant.parse("2026-03-29T07:00:00Z"), PARIS));
	}

	@Test
	void an_instant_with_an_offset_is_taken_as_it_is() {
		assertThat(ScheduleParser.parse("schedule", "2026-03-29T09:00:00+02:00", "Europe/Paris", PARIS))
			.isEqualTo(new PostDraft.At(Instant.parse("2026-03-29T07:00:00Z"), PARIS));
	}

	@Test
	void nothing_to_schedule_means_a_draft_and_now_means_now() {
		assertThat(ScheduleParser.parse(null, null, null, PARIS)).isInstanceOf(PostDraft.AsDraft.class);
		assertThat(ScheduleParser.parse("now", null, null, PARIS)).isInstanceOf(PostDraft.Now.class);
	}

	@Test
	void garbage_is_refused_naming_the_field_and_the_rule() {
		assertThatThrownBy(() -> ScheduleParser.parse("schedule", "tomorrow at nine", null, PARIS))
			.isInstanceOfSatisfying(InvalidInput.class, e -> {
				assertThat(e.problems().get(0).field()).isEqualTo("scheduledAt");
				assertThat(e.problems().get(0).rule()).isEqualTo("datetime");
			});
		assertThatThrownBy(() -> ScheduleParser.parse("later", null, null, PARIS))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("publish"));
		assertThatThrownBy(() -> ScheduleParser.parse("schedule", "2026-03-29T09:00", "Paris", PARIS))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("timeZone"));
	}
}
