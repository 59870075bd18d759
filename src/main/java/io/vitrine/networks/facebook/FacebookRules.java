package io.vitrine.networks.facebook;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Facebook Page post's rules. Pure: no I/O; the same code runs in the composer and before sending. */
final class FacebookRules {

	static final String NETWORK = "Facebook";

	/** A post's message holds up to 63,206 characters (Facebook's own composer limit; counted as UTF-16 units). */
	static final int MAX_CHARACTERS = 63_206;

	/**
	 * Page photos: JPEG, BMP, PNG, GIF and TIFF, up to 4 MB
	 * (https://developers.facebook.com/docs/graph-api/reference/page/photos/, "Requirements").
	 */
	static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff");

	static final long MAX_IMAGE_BYTES = 4L * 1024 * 1024;

	/** Photos attached to one feed post (attached_media); Vitrine stays at the 10 Meta's own tools allow. */
	static final int MAX_IMAGES = 10;

	static final NetworkLimits LIMITS = new NetworkLimits(MAX_CHARACTERS, 0, 0, MAX_IMAGES, MAX_IMAGE_BYTES, 0, IMAGE_TYPES);

	private FacebookRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.fullText();
		List<PostVariant.Media> images = variant.images();
		if (text.isBlank() && images.isEmpty()) {
			violations.add(new Violation(NETWORK, "text", "required", "A Facebook post needs text or at least one image."));
		}
		else if (text.length() > MAX_CHARACTERS) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"Facebook counts %d characters; the limit is %d.".formatted(text.length(), MAX_CHARACTERS)));
		}
		if (images.size() > MAX_IMAGES) {
			violations.add(new Violation(NETWORK, "images", "max-images",
					"Vitrine posts up to %d photos at once on Facebook; this post has %d.".formatted(MAX_IMAGES, images.size())));
		}
		for (int i = 0; i < images.size(); i++) {
			PostVariant.Media image = images.get(i);
			String field = "images[" + i + "]";
			if (!LIMITS.acceptsImageType(image.contentType())) {
				violations.add(new Violation(NETWORK, field, "image-type", "Image %d is %s; Facebook accepts JPEG, PNG, GIF, BMP "
						.formatted(i + 1, image.contentType()) + "and TIFF images."));
			}
			else if (image.sizeBytes() > MAX_IMAGE_BYTES) {
				violations.add(new Violation(NETWORK, field, "max-image-bytes", "Image %d is %.1f MB; Facebook accepts up to 4 MB."
					.formatted(i + 1, image.sizeBytes() / 1_048_576.0)));
			}
		}
		return new VariantCheck(text.length(), MAX_CHARACTERS, violations);
	}
}
