package io.vitrine.networks.linkedin;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** LinkedIn's rules for one post. Pure: no I/O; the same code runs in the composer and before sending. */
final class LinkedInRules {

	static final String NETWORK = "LinkedIn";

	/**
	 * Commentary up to 3,000 characters, counted as people see them (code points, before the little
	 * format's escapes). Source: Posts API, "Post Schema", field commentary
	 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
	 */
	static final int MAX_CHARACTERS = 3000;

	/** A multi-image post holds 2 to 20 images (Posts API, "MultiImage"); one image is a single-image post. */
	static final int MAX_IMAGES = 20;

	/** Images API: "JPG, GIF and PNG" (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api). */
	static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif");

	/** Images API: an image may hold up to 36,152,320 pixels. */
	static final long MAX_PIXELS = 36_152_320L;

	/** Posts API, "Media Content": altText up to 4,086 characters. */
	static final int MAX_ALT_TEXT = 4086;

	/** No byte limit is documented for images, only the pixel count: 0 means none here. */
	static final NetworkLimits LIMITS = new NetworkLimits(MAX_CHARACTERS, 0, 0, MAX_IMAGES, 0, MAX_ALT_TEXT, IMAGE_TYPES);

	private LinkedInRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.fullText();
		int length = text.codePointCount(0, text.length());
		List<PostVariant.Media> images = variant.images();
		if (text.isBlank() && images.isEmpty()) {
			violations.add(new Violation(NETWORK, "text", "required", "A post on LinkedIn needs text or at least one image."));
		}
		else if (length > MAX_CHARACTERS) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"LinkedIn counts %d characters; the limit is %d.".formatted(length, MAX_CHARACTERS)));
		}
		if (images.size() > MAX_IMAGES) {
			violations.add(new Violation(NETWORK, "images", "max-images",
					"LinkedIn allows %d images per post; this post has %d.".formatted(MAX_IMAGES, images.size())));
		}
		for (int i = 0; i < images.size(); i++) {
			PostVariant.Media image = images.get(i);
			String field = "images[" + i + "]";
			int number = i + 1;
			if (!LIMITS.acceptsImageType(image.contentType())) {
				violations.add(new Violation(NETWORK, field, "image-type",
						"Image %d is %s; LinkedIn accepts JPEG, PNG and GIF images.".formatted(number, image.contentType())));
				continue;
			}
			if (image.width() != null && image.height() != null && (long) image.width() * image.height() > MAX_PIXELS) {
				violations.add(new Violation(NETWORK, field, "max-pixels",
						"Image %d is %d × %d pixels; LinkedIn accepts up to 36,152,320 pixels."
							.formatted(number, image.width(), image.height())));
			}
			String alt = image.altText();
			if (alt != null && alt.codePointCount(0, alt.length()) > MAX_ALT_TEXT) {
				violations.add(new Violation(NETWORK, field + ".altText", "max-alt-text",
						"The alt text of image %d has %d characters; LinkedIn allows %d."
							.formatted(number, alt.codePointCount(0, alt.length()), MAX_ALT_TEXT)));
			}
		}
		return new VariantCheck(length, MAX_CHARACTERS, violations);
	}
}
