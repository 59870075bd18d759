package io.vitrine.networks.instagram;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Instagram post's rules, from the content publishing guide
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing, "Limitations") and the media
 * reference (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 * "Image specifications", "Reel specifications"). Pure: no I/O; the same code runs in the composer and before sending.
 */
final class InstagramRules {

	static final String NETWORK = "Instagram";

	/** "Captions are limited to 2,200 characters, 30 hashtags, and 20 @ tags." */
	static final int MAX_CAPTION = 2_200;

	static final int MAX_HASHTAGS = 30;

	static final int MAX_MENTIONS = 20;

	/** "Carousels are limited to 10 images, videos, or a mix of the two." */
	static final int MAX_ITEMS = 10;

	/** Image specifications: "Format: JPEG", "File size: 8 MB maximum", "Aspect ratio: Must be within a 4:5 to 1.91:1 range". */
	static final Set<String> IMAGE_TYPES = Set.of("image/jpeg");

	static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;

	static final double MIN_ASPECT = 4.0 / 5.0;

	static final double MAX_ASPECT = 1.91;

	/** Reel specifications: "Container: MOV or MP4", "Duration: 15 mins max, 3 seconds min", "File size: 300 MB max". */
	static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");

	static final long MAX_VIDEO_BYTES = 300L * 1024 * 1024;

	static final long MIN_VIDEO_MILLIS = 3_000;

	static final long MAX_VIDEO_MILLIS = 15 * 60_000;

	static final NetworkLimits LIMITS = new NetworkLimits(MAX_CAPTION, 0, 0, MAX_ITEMS, MAX_IMAGE_BYTES, 0, IMAGE_TYPES);

	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}_]+");

	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@[A-Za-z0-9._]+");

	private InstagramRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String caption = variant.fullText();
		int length = caption.codePointCount(0, caption.length());
		if (length > MAX_CAPTION) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"Instagram counts %d characters; the limit is %d.".formatted(length, MAX_CAPTION)));
		}
		long hashtags = HASHTAG.matcher(caption).results().count();
		if (hashtags > MAX_HASHTAGS) {
			violations.add(new Violation(NETWORK, "text", "max-hashtags",
					"Instagram takes up to %d hashtags; this caption has %d.".formatted(MAX_HASHTAGS, hashtags)));
		}
		long mentions = MENTION.matcher(caption).results().count();
		if (mentions > MAX_MENTIONS) {
			violations.add(new Violation(NETWORK, "text", "max-mentions",
					"Instagram takes up to %d @mentions; this caption has %d.".formatted(MAX_MENTIONS, mentions)));
		}
		List<PostVariant.Media> media = variant.media();
		if (media.isEmpty()) {
			violations.add(new Violation(NETWORK, "media", "required", "An Instagram post needs at least one image or video."));
		}
		else if (media.size() > MAX_ITEMS) {
			violations.add(new Violation(NETWORK, "media", "max-images",
					"An Instagram carousel holds up to %d images or videos; this post has %d.".formatted(MAX_ITEMS, media.size())));
		}
		for (int i = 0; i < media.size(); i++) {
			PostVariant.Media item = media.get(i);
			if (item.isVideo()) {
				video(violations, i, item);
			}
			else {
				image(violations, i, item);
			}
		}
		return new VariantCheck(length, MAX_CAPTION, violations);
	}

	private static void image(List<Violation> violations, int i, PostVariant.Media image) {
		String field = "media[" + i + "]";
		if (!LIMITS.acceptsImageType(image.contentType())) {
			violations.add(new Violation(NETWORK, field, "image-type",
					"Item %d is %s; Instagram takes JPEG images only.".formatted(i + 1, image.contentType())));
			return;
		}
		if (image.sizeBytes() > MAX_IMAGE_BYTES) {
			violations.add(new Violation(NETWORK, field, "max-image-bytes",
					"Image %d is %.1f MB; Instagram takes up to 8 MB.".formatted(i + 1, image.sizeBytes() / 1_048_576.0)));
		}
		if (image.width() != null && image.height() != null && image.height() > 0) {
			double aspect = (double) image.width() / image.height();
			if (aspect < MIN_ASPECT - 0.005 || aspect > MAX_ASPECT + 0.005) {
				violations.add(new Violation(NETWORK, field, "aspect-ratio", String.format(Locale.ROOT,
						"Image %d is %d × %d (%.2f:1); Instagram takes 4:5 (0.80:1) to 1.91:1.", i + 1, image.width(),
						image.height(), aspect)));
			}
		}
	}

	private static void video(List<Violation> violations, int i, PostVariant.Media video) {
		String field = "media[" + i + "]";
		String type = video.contentType().toLowerCase(Locale.ROOT);
		if (!VIDEO_TYPES.contains(type)) {
			violations.add(new Violation(NETWORK, field, "video-type",
					"Video %d is %s; Instagram takes MP4 or MOV videos.".formatted(i + 1, video.contentType())));
			return;
		}
		if (video.sizeBytes() > MAX_VIDEO_BYTES) {
			violations.add(new Violation(NETWORK, field, "max-video-bytes",
					"Video %d is %d MB; Instagram takes up to 300 MB.".formatted(i + 1, video.sizeBytes() / 1_048_576)));
		}
		Long millis = video.durationMillis();
		if (millis != null && (millis < MIN_VIDEO_MILLIS || millis > MAX_VIDEO_MILLIS)) {
			violations.add(new Violation(NETWORK, field, "video-duration", String.format(Locale.ROOT,
					"Video %d lasts %.1f s; Instagram takes 3 seconds to 15 minutes.", i + 1, millis / 1000.0)));
		}
	}
}
