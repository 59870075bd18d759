package io.vitrine.networks.tiktok;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TikTokRulesTest {

	private static PostVariant.Media mp4(long millis) {
		return new PostVariant.Media(UUID.randomUUID(), "video/mp4", 5_000_000, 1080, 1920, millis, null);
	}

	private static PostVariant.Media image(String type) {
		return PostVariant.Media.image(UUID.randomUUID(), type, 300_000, 1080, 1350, null);
	}

	private static List<String> rules(VariantCheck check) {
		return check.violations().stream().map(Violation::rule).toList();
	}

	@Test
	void the_caption_is_counted_in_utf16_units_up_to_2200() {
		String emoji = "🥖".repeat(1100); // 2,200 UTF-16 units, 1,100 code points
		assertThat(TikTokRules.check(new PostVariant(emoji, null, List.of(mp4(10_000)))).valid()).isTrue();

		VariantCheck over = TikTokRules.check(new PostVariant(emoji + "a", null, List.of(mp4(10_000))));

		assertThat(over.length()).isEqualTo(2201);
		assertThat(over.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("text");
			assertThat(v.message()).contains("2201").contains("2200");
		});
	}

	@Test
	void text_alone_is_not_a_tiktok_post() {
		assertThat(rules(TikTokRules.check(new PostVariant("Hello", null, List.of())))).containsExactly("media-required");
	}

	@Test
	void one_video_or_photos_never_both() {
		assertThat(rules(TikTokRules.check(new PostVariant("", null, List.of(mp4(1000), image("image/jpeg"))))))
			.containsExactly("one-video");
		assertThat(rules(TikTokRules.check(new PostVariant("", null, List.of(mp4(1000), mp4(1000))))))
			.containsExactly("one-video");
	}

	@Test
	void up_to_35_jpeg_or_webp_photos() {
		assertThat(TikTokRules.check(new PostVariant("", null, Collections.nCopies(35, image("image/webp")))).valid()).isTrue();
		assertThat(rules(TikTokRules.check(new PostVariant("", null, Collections.nCopies(36, image("image/jpeg"))))))
			.containsExactly("max-images");
		assertThat(rules(TikTokRules.check(new PostVariant("", null, List.of(image("image/png"))))))
			.containsExactly("image-type");
	}

	@Test
	void a_video_over_ten_minutes_is_refused_whoever_the_creator() {
		assertThat(rules(TikTokRules.check(new PostVariant("", null, List.of(mp4(600_001)))))).containsExactly("video-duration");
	}

	@Test
	void the_privacy_level_is_one_tiktok_knows() {
		VariantCheck check = TikTokRules.check(new PostVariant("", null, List.of(mp4(1000)), Map.of("privacy", "FRIENDS")));

		assertThat(check.violations()).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("fields.privacy");
			assertThat(v.message()).contains("SELF_ONLY").contains("FRIENDS");
		});
	}
}
