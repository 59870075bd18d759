package io.vitrine.networks.threads;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Threads post's rules (https://developers.facebook.com/docs/threads/posts, "Limitations";
 * https://developers.facebook.com/docs/threads/overview#media-specifications). Pure: no I/O.
 */
final class ThreadsRules {

	static final String NETWORK = "Threads";

	/** "Text posts are limited to 500 characters." */
	static final int MAX_CHARACTERS = 500;

	/** A carousel holds up to 20 images, videos or a mix ("Carousel Posts"). */
	static final int MAX_ITEMS = 20;

	/** Image specifications: JPEG or PNG, 8 MB maximum. */
	static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png");

	static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;

	/** Video specifications: MOV or MP4, 1 GB maximum, 5 minutes maximum. */
	static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");

	static final long MAX_VIDEO_BYTES = 1024L * 1024 * 1024;

	static final long MAX_VIDEO_MILLIS = 5 * 60_000;

	static final NetworkLimits LIMITS = new NetworkLimits(MAX_CHARACTERS, 0, 0, MAX_ITEMS, MAX_IMAGE_BYTES, 0, IMAGE_TYPES);

	private ThreadsRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.fullText();
		int length = text.codePointCount(0, text.length());
		List<PostVariant.Media> media = variant.media();
		if (text.isBlank() && media.isEmpty()) {
			violations.add(new Violation(NETWORK, "text", "required", "A Threads post needs text or at least one image or video."));
		}
		else if (length > MAX_CHARACTERS) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"Threads counts %d characters; the limit is %d.".formatted(length, MAX_CHARACTERS)));
		}
		if (media.size() > MAX_ITEMS) {
			violations.add(new Violation(NETWORK, "media", "max-images",
					"A Threads carousel holds up to %d images or videos; this post has %d.".formatted(MAX_ITEMS, media.size())));
		}
		for (int i = 0; i < media.size(); i++) {
			PostVariant.Media item = media.get(i);
			String field = "media[" + i + "]";
			if (item.isVideo()) {
				if (!VIDEO_TYPES.contains(item.contentType().toLowerCase(Locale.ROOT))) {
					violations.add(new Violation(NETWORK, field, "video-type",
							"Video %d is %s; Threads takes MP4 or MOV videos.".formatted(i + 1, item.contentType())));
				}
				else if (item.sizeBytes() > MAX_VIDEO_BYTES) {
					violations.add(new Violation(NETWORK, field, "max-video-bytes",
							"Video %d is larger than 1 GB, the most Threads takes.".formatted(i + 1)));
				}
				else if (item.durationMillis() != null && item.durationMillis() > MAX_VIDEO_MILLIS) {
					violations.add(new Violation(NETWORK, field, "video-duration", String.format(Locale.ROOT,
							"Video %d lasts %.1f s; Threads takes up to 5 minutes.", i + 1, item.durationMillis() / 1000.0)));
				}
			}
			else if (!LIMITS.acceptsImageType(item.contentType())) {
				violations.add(new Violation(NETWORK, field, "image-type",
						"Item %d is %s; Threads takes JPEG and PNG images.".formatted(i + 1, item.contentType())));
			}
			else if (item.sizeBytes() > MAX_IMAGE_BYTES) {
				violations.add(new Violation(NETWORK, field, "max-image-bytes",
						"Image %d is %.1f MB; Threads takes up to 8 MB.".formatted(i + 1, item.sizeBytes() / 1_048_576.0)));
			}
		}
		return new VariantCheck(length, MAX_CHARACTERS, violations);
	}
}
