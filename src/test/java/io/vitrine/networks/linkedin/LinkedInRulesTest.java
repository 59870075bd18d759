package io.vitrine.networks.linkedin;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** LinkedIn's rules one by one; sources are cited on {@link LinkedInRules}. */
class LinkedInRulesTest {

	private static PostVariant.Media image(String type, int width, int height, String alt) {
		return PostVariant.Media.image(UUID.randomUUID(), type, 1000, width, height, alt);
	}

	private static List<String> rules(VariantCheck check) {
		return check.violations().stream().map(Violation::rule).toList();
	}

	@Test
	void accepts_3000_characters_and_refuses_3001() {
		assertThat(LinkedInRules.check(new PostVariant("é".repeat(3000), null, List.of())).valid()).isTrue();
		VariantCheck over = LinkedInRules.check(new PostVariant("é".repeat(3001), null, List.of()));
		assertThat(over.length()).isEqualTo(3001);
		assertThat(over.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("text");
			assertThat(v.rule()).isEqualTo("max-characters");
			assertThat(v.message()).isEqualTo("LinkedIn counts 3001 characters; the limit is 3000.");
		});
	}

	@Test
	void counts_characters_as_people_see_them_not_the_escapes_sent() {
		String reserved = "()".repeat(1500);
		assertThat(LinkedInRules.check(new PostVariant(reserved, null, List.of())).valid()).isTrue();
		assertThat(LinkedInRules.check(new PostVariant("🥐".repeat(3000), null, List.of())).length()).isEqualTo(3000);
	}

	@Test
	void counts_the_link_appended_to_the_text() {
		VariantCheck check = LinkedInRules.check(new PostVariant("x".repeat(2990), "https://example.com/menu", List.of()));
		assertThat(rules(check)).containsExactly("max-characters");
	}

	@Test
	void needs_text_or_an_image() {
		assertThat(rules(LinkedInRules.check(new PostVariant(" ", null, List.of())))).containsExactly("required");
		assertThat(LinkedInRules.check(new PostVariant("", null, List.of(image("image/png", 10, 10, null)))).valid()).isTrue();
	}

	@Test
	void accepts_jpeg_png_and_gif_only() {
		VariantCheck check = LinkedInRules.check(new PostVariant("Photo", null, List.of(image("image/webp", 10, 10, null))));
		assertThat(check.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("images[0]");
			assertThat(v.rule()).isEqualTo("image-type");
		});
	}

	@Test
	void holds_up_to_20_images() {
		List<PostVariant.Media> twenty = Collections.nCopies(20, image("image/jpeg", 10, 10, null));
		assertThat(LinkedInRules.check(new PostVariant("Album", null, twenty)).valid()).isTrue();
		List<PostVariant.Media> more = new java.util.ArrayList<>(twenty);
		more.add(image("image/jpeg", 10, 10, null));
		assertThat(rules(LinkedInRules.check(new PostVariant("Album", null, more)))).containsExactly("max-images");
	}

	@Test
	void refuses_an_image_over_36152320_pixels() {
		assertThat(LinkedInRules.check(new PostVariant("Big", null, List.of(image("image/jpeg", 6013, 6013, null)))).violations())
			.singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("max-pixels"));
		assertThat(LinkedInRules.check(new PostVariant("Big", null, List.of(image("image/jpeg", 6012, 6013, null)))).valid())
			.isTrue();
	}

	@Test
	void alt_text_up_to_4086_characters() {
		assertThat(LinkedInRules.check(new PostVariant("Alt", null, List.of(image("image/png", 10, 10, "a".repeat(4086))))).valid())
			.isTrue();
		assertThat(rules(LinkedInRules.check(new PostVariant("Alt", null, List.of(image("image/png", 10, 10, "a".repeat(4087)))))))
			.containsExactly("max-alt-text");
	}
}
