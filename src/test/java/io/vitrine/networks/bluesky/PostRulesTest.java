package io.vitrine.networks.bluesky;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PostRulesTest {

	private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";

	@Test
	void three_hundred_graphemes_are_allowed() {
		VariantCheck check = check(new PostVariant("a".repeat(300), null, List.of()));

		assertThat(check.valid()).isTrue();
		assertThat(check.length()).isEqualTo(300);
		assertThat(check.maxLength()).isEqualTo(300);
	}

	@Test
	void three_hundred_and_one_graphemes_are_refused_with_both_numbers() {
		VariantCheck check = check(new PostVariant("a".repeat(301), null, List.of()));

		assertThat(check.violations()).extracting(Violation::network, Violation::field, Violation::rule)
			.containsExactly(tuple("Bluesky", "text", "max-graphemes"));
		assertThat(check.violations().get(0).message()).contains("301").contains("300");
	}

	@Test
	void emoji_sequences_count_as_one_grapheme_each_but_their_bytes_count_too() {
		String text = FAMILY.repeat(120); // 120 graphemes, 3,000 bytes
		assertThat(check(new PostVariant(text, null, List.of())).valid()).isTrue();

		VariantCheck tooHeavy = check(new PostVariant(text + "!", null, List.of()));

		assertThat(tooHeavy.length()).isEqualTo(121);
		assertThat(tooHeavy.violations()).extracting(Violation::rule).containsExactly("max-bytes");
		assertThat(tooHeavy.violations().get(0).message()).contains("3001").contains("3000");
	}

	@Test
	void the_link_given_apart_counts_in_the_text() {
		String link = "https://example.com/" + "p".repeat(80);

		VariantCheck check = check(new PostVariant("x".repeat(200), link, List.of()));

		assertThat(check.length()).isEqualTo(200 + 2 + link.length());
		assertThat(check.violations()).extracting(Violation::rule).containsExactly("max-graphemes");
	}

	@Test
	void an_empty_post_without_images_is_refused() {
		assertThat(check(new PostVariant("  ", null, List.of())).violations())
			.extracting(Violation::field, Violation::rule)
			.containsExactly(tuple("text", "required"));
	}

	@Test
	void an_image_alone_is_a_post() {
		assertThat(check(new PostVariant("", null, List.of(png(1000)))).valid()).isTrue();
	}

	@Test
	void four_images_are_allowed_and_five_are_not() {
		assertThat(check(new PostVariant("hi", null, Collections.nCopies(4, png(1000)))).valid()).isTrue();

		VariantCheck five = check(new PostVariant("hi", null, Collections.nCopies(5, png(1000))));

		assertThat(five.violations()).extracting(Violation::field, Violation::rule)
			.containsExactly(tuple("images", "max-images"));
		assertThat(five.violations().get(0).message()).contains("5").contains("4");
	}

	@Test
	void an_image_over_two_million_bytes_is_refused() {
		assertThat(check(new PostVariant("hi", null, List.of(png(2_000_000)))).valid()).isTrue();

		VariantCheck big = check(new PostVariant("hi", null, List.of(png(1000), png(2_000_001))));

		assertThat(big.violations()).extracting(Violation::field, Violation::rule)
			.containsExactly(tuple("images[1]", "max-image-bytes"));
		assertThat(big.violations().get(0).message()).contains("2000001").contains("2000000");
	}

	@Test
	void any_image_type_is_accepted_as_the_lexicon_says_but_not_other_files() {
		PostVariant.Media webp = PostVariant.Media.image(UUID.randomUUID(), "image/webp", 10, 1, 1, "alt");
		PostVariant.Media pdf = PostVariant.Media.image(UUID.randomUUID(), "application/pdf", 10, null, null, "alt");

		assertThat(check(new PostVariant("hi", null, List.of(webp))).valid()).isTrue();
		assertThat(check(new PostVariant("hi", null, List.of(pdf))).violations())
			.extracting(Violation::field, Violation::rule)
			.containsExactly(tuple("images[0]", "image-type"));
	}

	@Test
	void limits_that_name_image_types_narrow_what_is_accepted() {
		NetworkLimits pngOnly = new NetworkLimits(300, 3000, 0, 4, 2_000_000, 2000, Set.of("image/png"));
		PostVariant.Media webp = PostVariant.Media.image(UUID.randomUUID(), "image/webp", 10, 1, 1, "alt");

		assertThat(PostRules.check(new PostVariant("hi", null, List.of(png(10))), pngOnly).valid()).isTrue();
		assertThat(PostRules.check(new PostVariant("hi", null, List.of(webp)), pngOnly).violations())
			.extracting(Violation::rule).containsExactly("image-type");
	}

	@Test
	void alt_text_over_two_thousand_graphemes_is_refused() {
		PostVariant.Media longAlt = PostVariant.Media.image(UUID.randomUUID(), "image/png", 10, 1, 1, "é".repeat(2001));

		assertThat(check(new PostVariant("hi", null, List.of(longAlt))).violations())
			.extracting(Violation::field, Violation::rule)
			.containsExactly(tuple("images[0].altText", "max-alt-text"));
	}

	private static VariantCheck check(PostVariant variant) {
		return PostRules.check(variant, BlueskyLimits.DEFAULTS);
	}

	private static PostVariant.Media png(long size) {
		return PostVariant.Media.image(UUID.randomUUID(), "image/png", size, 4, 4, "a red square");
	}
}
