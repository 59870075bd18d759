package io.vitrine.networks.gbp;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Google Business Profile's rules, each against the source named on {@link GbpRules}. */
class GbpRulesTest {

	private static List<String> rules(String text, String link, Map<String, String> fields) {
		return GbpRules.check(new PostVariant(text, link, List.of(), fields)).violations().stream().map(Violation::rule).toList();
	}

	@Test
	void an_update_holds_up_to_1500_characters_and_needs_text() {
		assertThat(rules("é".repeat(1500), null, Map.of())).isEmpty();
		assertThat(GbpRules.check(new PostVariant("é".repeat(1501), null, List.of())).violations()).singleElement()
			.satisfies(v -> assertThat(v.message()).isEqualTo("Google Business Profile counts 1501 characters; the limit is 1500."));
		assertThat(rules(" ", null, Map.of())).containsExactly("required");
	}

	@Test
	void events_and_offers_need_a_title_a_start_and_an_end_after_it() {
		assertThat(rules("Fête", null, Map.of("topicType", "EVENT"))).containsExactly("required", "required", "required");
		assertThat(rules("Offre", null, Map.of("topicType", "OFFER", "eventTitle", "Soldes", "eventStart", "2026-04-06T07:00:00+02:00",
				"eventEnd", "2026-04-06T07:00:00+02:00"))).containsExactly("after-start");
		assertThat(rules("Fête", null, Map.of("topicType", "EVENT", "eventTitle", "Fête", "eventStart", "2026-04-06T07:00:00+02:00",
				"eventEnd", "2026-04-06T09:00:00+02:00"))).isEmpty();
	}

	@Test
	void buttons_need_a_web_address_except_call_which_takes_none_and_offers_take_no_button() {
		assertThat(rules("Réserver", null, Map.of("callToAction", "BOOK"))).containsExactly("url");
		assertThat(rules("Réserver", "https://b.fr", Map.of("callToAction", "BOOK"))).isEmpty();
		assertThat(rules("Appeler", null, Map.of("callToAction", "CALL", "callToActionUrl", "https://b.fr"))).containsExactly("no-url-for-call");
		assertThat(rules("Offre", null, Map.of("topicType", "OFFER", "eventTitle", "Soldes", "eventStart", "2026-04-06T07:00:00+02:00",
				"eventEnd", "2026-04-07T07:00:00+02:00", "callToAction", "SHOP"))).containsExactly("not-for-offers");
		assertThat(rules("Offre", null, Map.of("redeemUrl", "boulangerie.fr"))).containsExactly("url");
	}

	@Test
	void one_jpeg_or_png_photo_of_10_kb_to_5_mb_and_at_least_400_by_300_pixels() {
		assertThat(photoRules(photo("image/jpeg", 10 * 1024, 400, 300))).isEmpty();
		assertThat(photoRules(photo("image/png", 5L * 1024 * 1024, 1200, 900))).isEmpty();
		assertThat(photoRules(photo("image/webp", 50_000, 800, 600))).containsExactly("image-type");
		assertThat(photoRules(photo("image/jpeg", 10 * 1024 - 1, 800, 600))).containsExactly("min-image-bytes");
		assertThat(photoRules(photo("image/jpeg", 5L * 1024 * 1024 + 1, 800, 600))).containsExactly("max-image-bytes");
		assertThat(photoRules(photo("image/jpeg", 50_000, 399, 600))).containsExactly("min-dimensions");
		assertThat(photoRules(photo("image/jpeg", 50_000, 800, 299))).containsExactly("min-dimensions");
		assertThat(photoRules(photo("image/jpeg", 50_000, 800, 600), photo("image/jpeg", 50_000, 800, 600)))
			.containsExactly("max-images");
	}

	private static PostVariant.Media photo(String type, long bytes, int width, int height) {
		return PostVariant.Media.image(UUID.randomUUID(), type, bytes, width, height, null);
	}

	private static List<String> photoRules(PostVariant.Media... photos) {
		return GbpRules.check(new PostVariant("Photo", null, List.of(photos))).violations().stream().map(Violation::rule).toList();
	}
}
