package io.vitrine.networks.youtube;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class YouTubeRulesTest {

	private static final PostVariant.Media VIDEO = new PostVariant.Media(UUID.randomUUID(), "video/mp4", 1_000_000, 1920, 1080,
			30_000L, null);

	private static VariantCheck check(String text, Map<String, String> fields, List<PostVariant.Media> media) {
		return YouTubeRules.check(new PostVariant(text, null, media, fields));
	}

	private static List<String> rules(VariantCheck check) {
		return check.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
	}

	@Test
	void a_title_has_up_to_100_characters_without_angle_brackets() {
		assertThat(YouTubeRules.TITLE.required()).as("a blank title is refused by the rules every network shares").isTrue();
		assertThat(check("", Map.of("title", "é".repeat(100)), List.of(VIDEO)).valid()).isTrue();
		assertThat(rules(check("", Map.of("title", "a".repeat(101)), List.of(VIDEO)))).containsExactly("fields.title:max-length");
		assertThat(rules(check("", Map.of("title", "1 < 2"), List.of(VIDEO)))).containsExactly("fields.title:angle-brackets");
	}

	@Test
	void the_description_is_counted_in_utf8_bytes_up_to_5000_without_angle_brackets() {
		Map<String, String> title = Map.of("title", "T");
		assertThat(check("é".repeat(2500), title, List.of(VIDEO)).valid()).isTrue();
		VariantCheck over = check("é".repeat(2500) + "a", title, List.of(VIDEO));
		assertThat(over.length()).isEqualTo(5001);
		assertThat(over.violations()).singleElement().extracting(Violation::message).asString().contains("5001").contains("5000");
		assertThat(rules(check("<b>bold</b>", title, List.of(VIDEO)))).containsExactly("text:angle-brackets");
	}

	@Test
	void tags_count_their_commas_and_the_quotes_around_tags_with_spaces() {
		assertThat(YouTubeRules.tagsLength(List.of("pain", "levain", "du coin"))).isEqualTo(4 + 6 + 9 + 2);
		String fits = String.join(",", java.util.Collections.nCopies(100, "abcd")); // 400 + 99 commas = 499
		assertThat(check("", Map.of("title", "T", "tags", fits), List.of(VIDEO)).valid()).isTrue();
		assertThat(rules(check("", Map.of("title", "T", "tags", fits + ",ab"), List.of(VIDEO)))).containsExactly("fields.tags:max-length");
	}

	@Test
	void an_upload_is_exactly_one_video() {
		PostVariant.Media image = PostVariant.Media.image(UUID.randomUUID(), "image/jpeg", 1000, 10, 10, null);
		assertThat(rules(check("", Map.of("title", "T"), List.of()))).containsExactly("media:one-video");
		assertThat(rules(check("", Map.of("title", "T"), List.of(VIDEO, image)))).containsExactly("media:one-video");
	}

	@Test
	void privacy_is_public_unlisted_or_private() {
		assertThat(rules(check("", Map.of("title", "T", "privacy", "friends"), List.of(VIDEO)))).containsExactly("fields.privacy:choice");
	}
}
