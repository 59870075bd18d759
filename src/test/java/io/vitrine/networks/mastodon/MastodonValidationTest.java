package io.vitrine.networks.mastodon;

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

class MastodonValidationTest {

	private static final NetworkLimits LIMITS = new NetworkLimits(500, 0, 23, 4, 16_777_216L, 1500,
			Set.of("image/jpeg", "image/png"));

	private static PostVariant.Media image(String type, long size, String alt) {
		return PostVariant.Media.image(UUID.randomUUID(), type, size, 100, 100, alt);
	}

	private static VariantCheck check(PostVariant variant) {
		return MastodonValidation.check(variant, LIMITS);
	}

	@Test
	void accepts_text_within_the_instance_limit() {
		VariantCheck check = check(new PostVariant("a".repeat(500), null, List.of()));
		assertThat(check.valid()).isTrue();
		assertThat(check.length()).isEqualTo(500);
		assertThat(check.maxLength()).isEqualTo(500);
	}

	@Test
	void refuses_text_over_the_instance_limit_naming_the_numbers() {
		VariantCheck check = check(new PostVariant("a".repeat(501), null, List.of()));
		assertThat(check.violations()).singleElement().satisfies(v -> {
			assertThat(v.network()).isEqualTo("Mastodon");
			assertThat(v.field()).isEqualTo("text");
			assertThat(v.rule()).isEqualTo("max-characters");
			assertThat(v.message()).contains("501", "500", "23");
		});
	}

	@Test
	void uses_the_instance_limit_rather_than_the_default() {
		NetworkLimits big = new NetworkLimits(5000, 0, 23, 4, 16_777_216L, 1500);
		assertThat(MastodonValidation.check(new PostVariant("a".repeat(4000), null, List.of()), big).valid()).isTrue();
	}

	@Test
	void counts_every_url_as_the_reserved_characters_whatever_its_length() {
		String longUrl = "https://example.com/" + "x".repeat(200);
		VariantCheck check = check(new PostVariant("Read " + longUrl, null, List.of()));
		assertThat(check.length()).isEqualTo("Read ".length() + 23);
		assertThat(check.valid()).isTrue();
	}

	@Test
	void counts_a_short_url_as_the_reserved_characters_too() {
		assertThat(check(new PostVariant("http://a.co", null, List.of())).length()).isEqualTo(23);
	}

	@Test
	void counts_the_separate_link_appended_to_the_text() {
		VariantCheck check = check(new PostVariant("Hello", "https://example.com/article", List.of()));
		assertThat(check.length()).isEqualTo("Hello\n\n".length() + 23);
	}

	@Test
	void counts_a_remote_mention_as_the_user_name_only() {
		assertThat(check(new PostVariant("hi @alice@example.social", null, List.of())).length())
			.isEqualTo("hi @alice".length());
	}

	@Test
	void counts_emoji_and_combined_characters_as_one() {
		assertThat(check(new PostVariant("👍🏽 é 👨‍👩‍👧", null, List.of())).length()).isEqualTo(5);
	}

	@Test
	void refuses_an_empty_post_without_images() {
		assertThat(check(new PostVariant("   ", null, List.of())).violations()).extracting(Violation::rule)
			.containsExactly("required");
	}

	@Test
	void accepts_images_without_text() {
		assertThat(check(new PostVariant("", null, List.of(image("image/png", 1000, "A cat")))).valid()).isTrue();
	}

	@Test
	void refuses_more_images_than_the_instance_allows() {
		List<PostVariant.Media> five = Collections.nCopies(5, image("image/png", 1000, "alt"));
		assertThat(check(new PostVariant("x", null, five)).violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("images");
			assertThat(v.rule()).isEqualTo("max-images");
			assertThat(v.message()).contains("4", "5");
		});
	}

	@Test
	void refuses_an_image_over_the_size_limit() {
		VariantCheck check = check(new PostVariant("x", null, List.of(image("image/png", 1000, "ok"),
				image("image/jpeg", 20L * 1024 * 1024, "big"))));
		assertThat(check.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("images[1]");
			assertThat(v.rule()).isEqualTo("max-image-bytes");
			assertThat(v.message()).contains("Image 2", "20 MB", "16 MB");
		});
	}

	@Test
	void refuses_an_image_type_the_instance_does_not_accept() {
		assertThat(check(new PostVariant("x", null, List.of(image("image/heic", 1000, "a")))).violations())
			.singleElement()
			.satisfies(v -> {
				assertThat(v.rule()).isEqualTo("image-type");
				assertThat(v.message()).contains("image/heic", "image/jpeg, image/png");
			});
	}

	@Test
	void refuses_alt_text_over_the_description_limit() {
		VariantCheck check = check(new PostVariant("x", null, List.of(image("image/png", 10, "d".repeat(1501)))));
		assertThat(check.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("images[0].altText");
			assertThat(v.rule()).isEqualTo("max-alt-text");
			assertThat(v.message()).contains("1501", "1500");
		});
	}

	@Test
	void accepts_alt_text_at_the_description_limit() {
		assertThat(check(new PostVariant("x", null, List.of(image("image/png", 10, "d".repeat(1500))))).valid()).isTrue();
	}
}
