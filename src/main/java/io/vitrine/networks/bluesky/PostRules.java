package io.vitrine.networks.bluesky;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;

/** Bluesky's rules for a post, checked without any I/O: at compose time and again before sending. */
final class PostRules {

	static final String NETWORK = "Bluesky";

	private PostRules() {
	}

	static VariantCheck check(PostVariant variant, NetworkLimits limits) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.fullText();
		int graphemes = Graphemes.count(text);
		if (text.isBlank() && variant.images().isEmpty()) {
			violations.add(violation("text", "required", "is empty: write some text or add an image"));
		}
		if (limits.maxCharacters() > 0 && graphemes > limits.maxCharacters()) {
			violations.add(violation("text", "max-graphemes",
					"is " + graphemes + " characters long; Bluesky allows " + limits.maxCharacters()));
		}
		int bytes = Graphemes.utf8Bytes(text);
		if (limits.maxBytes() > 0 && bytes > limits.maxBytes()) {
			violations.add(violation("text", "max-bytes",
					"takes " + bytes + " bytes in UTF-8; Bluesky allows " + limits.maxBytes()));
		}
		checkImages(variant.images(), limits, violations);
		return new VariantCheck(graphemes, limits.maxCharacters(), violations);
	}

	private static void checkImages(List<PostVariant.Media> images, NetworkLimits limits, List<Violation> violations) {
		if (images.size() > limits.maxImages()) {
			violations.add(violation("images", "max-images",
					"has " + images.size() + " images; Bluesky allows " + limits.maxImages() + " per post"));
		}
		for (int i = 0; i < images.size(); i++) {
			PostVariant.Media image = images.get(i);
			String field = "images[" + i + "]";
			if (image.contentType() == null || !image.contentType().startsWith(BlueskyLimits.ACCEPTED_IMAGE_TYPES)
					|| !limits.acceptsImageType(image.contentType())) {
				violations.add(violation(field, "image-type",
						"is " + image.contentType() + "; Bluesky accepts only images in posts"));
			}
			if (limits.maxImageBytes() > 0 && image.sizeBytes() > limits.maxImageBytes()) {
				violations.add(violation(field, "max-image-bytes",
						"is " + image.sizeBytes() + " bytes; Bluesky allows " + limits.maxImageBytes() + " per image"));
			}
			int alt = image.altText() == null ? 0 : Graphemes.count(image.altText());
			if (limits.maxAltTextCharacters() > 0 && alt > limits.maxAltTextCharacters()) {
				violations.add(violation(field + ".altText", "max-alt-text",
						"is " + alt + " characters long; Bluesky allows " + limits.maxAltTextCharacters()));
			}
		}
	}

	private static Violation violation(String field, String rule, String message) {
		return new Violation(NETWORK, field, rule, message);
	}
}
