package io.vitrine.networks.instagram;

import io.vitrine.networks.PostVariant;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Instagram's documented caption and media rules (sources on {@link InstagramRules}). */
class InstagramRulesTest {

	private static PostVariant.Media jpeg(int width, int height) {
		return PostVariant.Media.image(UUID.randomUUID(), "image/jpeg", 500_000, width, height, null);
	}

	private static List<String> rules(String text, List<PostVariant.Media> media) {
		return InstagramRules.check(new PostVariant(text, null, media)).violations().stream().map(Violation::rule).toList();
	}

	@Test
	void a_caption_of_2200_characters_passes_and_2201_does_not() {
		assertThat(rules("é".repeat(2_200), List.of(jpeg(1080, 1080)))).isEmpty();
		assertThat(rules("é".repeat(2_201), List.of(jpeg(1080, 1080)))).containsExactly("max-characters");
	}

	@Test
	void thirty_hashtags_and_twenty_mentions_pass_one_more_of_each_does_not() {
		String tags = String.join(" ", Collections.nCopies(30, "#pain"));
		String mentions = String.join(" ", Collections.nCopies(20, "@ami.e_1"));
		assertThat(rules(tags + " " + mentions, List.of(jpeg(1080, 1080)))).isEmpty();
		assertThat(rules(tags + " #encore " + mentions + " @de_trop", List.of(jpeg(1080, 1080))))
			.containsExactly("max-hashtags", "max-mentions");
		assertThat(rules("mail@example.com C# pain#levain", List.of(jpeg(1080, 1080)))).as("not hashtags nor mentions").isEmpty();
	}

	@Test
	void media_is_required_and_a_carousel_holds_ten() {
		assertThat(rules("Texte seul", List.of())).containsExactly("required");
		assertThat(rules("", Collections.nCopies(10, jpeg(1080, 1080)))).isEmpty();
		assertThat(rules("", Collections.nCopies(11, jpeg(1080, 1080)))).containsExactly("max-images");
	}

	@Test
	void images_are_jpeg_of_at_most_8_mb_between_4_5_and_1_91_1() {
		assertThat(rules("", List.of(PostVariant.Media.image(UUID.randomUUID(), "image/png", 1000, 1080, 1080, null))))
			.containsExactly("image-type");
		assertThat(rules("", List.of(PostVariant.Media.image(UUID.randomUUID(), "image/jpeg", 8L * 1024 * 1024 + 1, 1080, 1080,
				null)))).containsExactly("max-image-bytes");
		assertThat(rules("", List.of(jpeg(1080, 1350), jpeg(1910, 1000)))).as("4:5 and 1.91:1 exactly").isEmpty();
		assertThat(rules("", List.of(jpeg(1080, 1400)))).containsExactly("aspect-ratio");
		assertThat(rules("", List.of(jpeg(2000, 1000)))).containsExactly("aspect-ratio");
		assertThat(InstagramRules.check(new PostVariant("", null, List.of(jpeg(1080, 1920)))).violations().getFirst().message())
			.isEqualTo("Image 1 is 1080 × 1920 (0.56:1); Instagram takes 4:5 (0.80:1) to 1.91:1.");
	}

	@Test
	void reels_are_mp4_or_mov_of_3_seconds_to_15_minutes() {
		assertThat(rules("", List.of(video("video/mp4", 3_000L), video("video/quicktime", 900_000L)))).isEmpty();
		assertThat(rules("", List.of(video("video/mp4", 2_999L)))).containsExactly("video-duration");
		assertThat(rules("", List.of(video("video/mp4", 900_001L)))).containsExactly("video-duration");
		assertThat(rules("", List.of(video("video/webm", 10_000L)))).containsExactly("video-type");
	}

	private static PostVariant.Media video(String type, Long millis) {
		return new PostVariant.Media(UUID.randomUUID(), type, 5_000_000, 1080, 1920, millis, null);
	}
}
