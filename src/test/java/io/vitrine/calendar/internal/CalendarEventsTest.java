package io.vitrine.calendar.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarEventsTest {

	@Test
	void a_preview_is_the_texts_start_on_one_line_cut_at_80_characters_without_splitting_an_emoji() {
		assertThat(CalendarEvents.preview("  Croissants\n\nat   seven ")).isEqualTo("Croissants at seven");
		assertThat(CalendarEvents.preview(null)).isEmpty();
		String long80 = "a".repeat(80);
		assertThat(CalendarEvents.preview(long80)).isEqualTo(long80);
		String emojis = "🥐".repeat(100);
		assertThat(CalendarEvents.preview(emojis)).isEqualTo("🥐".repeat(79) + "…");
	}
}
