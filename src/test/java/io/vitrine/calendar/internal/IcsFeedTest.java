package io.vitrine.calendar.internal;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.NetworkId;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed as written by ical4j, read back by another parser (biweekly) field by field. */
class IcsFeedTest {

	private static final UUID WORKSPACE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	private final ConnectionView mastodon = new ConnectionView(UUID.randomUUID(), WORKSPACE, new NetworkId("mastodon"),
			"https://bakery.example", "@olga@bakery.example", "Olga", null, ConnectionStatus.ACTIVE, null, null, null, null);

	private TargetView target(String text, String link, TargetState state, Instant due) {
		return new TargetView(UUID.randomUUID(), UUID.randomUUID(), WORKSPACE, mastodon.id(), text, link, List.of(), state, due, null,
				0, null, state == TargetState.PUBLISHED ? "https://bakery.example/@olga/1" : null, null, null,
				Instant.parse("2026-11-20T10:15:30.123Z"));
	}

	private String write(List<TargetView> targets) throws Exception {
		StringWriter out = new StringWriter();
		IcsFeed.write(new IcsFeed.Context(WORKSPACE, "Vitrine", "https://vitrine.example", Map.of(mastodon.id(), mastodon),
				Map.of("mastodon", "Mastodon")), targets, out);
		return out.toString();
	}

	@Test
	void each_target_is_one_event_with_a_stable_uid_a_utc_start_and_its_text() throws Exception {
		String text = "Croissants, pain au chocolat; and a \\ backslash\nfrom seven, every morning of December in our three shops "
				+ "— come early, they go fast! 🥐";
		TargetView scheduled = target(text, "https://bakery.example/december", TargetState.SCHEDULED, Instant.parse("2026-12-10T08:00:00Z"));
		TargetView published = target("Galette recipe", null, TargetState.PUBLISHED, Instant.parse("2026-11-12T10:00:00Z"));
		TargetView failed = target("Lost one", null, TargetState.FAILED, Instant.parse("2026-11-13T10:00:00Z"));
		String ics = write(List.of(scheduled, published, failed));

		assertThat(ics).contains("DTSTART:20261210T080000Z");
		assertThat(ics.lines()).as("lines folded at 75 octets (RFC 5545 3.1)")
			.allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
		assertThat(ics).contains("\r\n");

		ICalendar calendar = Biweekly.parse(ics).first();
		assertThat(calendar).isNotNull();
		assertThat(calendar.getEvents()).hasSize(3);
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo(scheduled.id() + "@vitrine");
		assertThat(event.getDateStart().getValue()).isEqualTo(Date.from(Instant.parse("2026-12-10T08:00:00Z")));
		assertThat(event.getSummary().getValue()).startsWith("Mastodon · Croissants, pain au chocolat; and a \\ backslash from")
			.endsWith("…").hasSizeLessThan(80);
		assertThat(event.getDescription().getValue()).startsWith(text + "\n\nhttps://bakery.example/december\n\n")
			.contains("@olga@bakery.example", "scheduled");
		assertThat(event.getUrl().getValue())
			.isEqualTo("https://vitrine.example/w/" + WORKSPACE + "/calendar/targets/" + scheduled.id());
		assertThat(event.getStatus().getValue()).isEqualTo("TENTATIVE");
		assertThat(calendar.getEvents().get(1).getStatus().getValue()).isEqualTo("CONFIRMED");
		assertThat(calendar.getEvents().get(1).getDescription().getValue()).contains("https://bakery.example/@olga/1");
		assertThat(calendar.getEvents().get(2).getStatus().getValue()).isEqualTo("CANCELLED");
	}

	@Test
	void the_same_targets_give_the_same_feed_byte_for_byte() throws Exception {
		List<TargetView> targets = List.of(target("Bread", null, TargetState.SCHEDULED, Instant.parse("2026-12-10T08:00:00Z")));
		assertThat(write(targets)).as("a subscriber's calendar sees no change when nothing changed").isEqualTo(write(targets));
	}

	@Test
	void the_summary_names_the_network_and_the_texts_first_words_on_one_line() {
		assertThat(IcsFeed.summary("Bluesky", "  Hello\n\nworld  ")).isEqualTo("Bluesky · Hello world");
		assertThat(IcsFeed.summary("X", "a".repeat(61))).isEqualTo("X · " + "a".repeat(60) + "…");
	}
}
