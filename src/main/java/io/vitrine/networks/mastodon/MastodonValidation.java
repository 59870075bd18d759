package io.vitrine.networks.mastodon;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.Polls;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;

/** Mastodon's rules for one status, against the instance's own limits. Pure: no I/O. */
final class MastodonValidation {

	static final String NETWORK = "Mastodon";

	/**
	 * Mastodon's default poll limits (configuration.polls of /api/v2/instance: max_options 4, max_characters_per_option
	 * 50); an instance may raise them, never below these.
	 */
	static final int MAX_POLL_OPTIONS = 4, MAX_POLL_OPTION_CHARACTERS = 50;

	private MastodonValidation() {
	}

	static VariantCheck check(PostVariant variant, NetworkLimits limits) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.fullText();
		int length = MastodonTextLength.count(text, limits.charactersPerUrl());
		if (text.isBlank() && variant.images().isEmpty()) {
			violations.add(new Violation(NETWORK, "text", "required",
					"A Mastodon post needs text or at least one image."));
		}
		if (limits.maxCharacters() > 0 && length > limits.maxCharacters()) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"Mastodon counts %d characters (each link as %d); this instance allows %d."
						.formatted(length, limits.charactersPerUrl(), limits.maxCharacters())));
		}
		if (limits.maxImages() > 0 && variant.images().size() > limits.maxImages()) {
			violations.add(new Violation(NETWORK, "images", "max-images",
					"This Mastodon instance allows %d images per post; this post has %d."
						.formatted(limits.maxImages(), variant.images().size())));
		}
		for (int i = 0; i < variant.images().size(); i++) {
			checkImage(i, variant.images().get(i), limits, violations);
		}
		Polls.check(NETWORK, variant, MAX_POLL_OPTIONS, MAX_POLL_OPTION_CHARACTERS, violations);
		return new VariantCheck(length, limits.maxCharacters(), violations);
	}

	private static void checkImage(int index, PostVariant.Media image, NetworkLimits limits, List<Violation> violations) {
		String field = "images[" + index + "]";
		int number = index + 1;
		if (!limits.acceptsImageType(image.contentType())) {
			violations.add(new Violation(NETWORK, field, "image-type",
					"Image %d is %s, which this Mastodon instance does not accept (it accepts %s)."
						.formatted(number, image.contentType(), String.join(", ", limits.imageContentTypes().stream().sorted().toList()))));
		}
		if (limits.maxImageBytes() > 0 && image.sizeBytes() > limits.maxImageBytes()) {
			violations.add(new Violation(NETWORK, field, "max-image-bytes",
					"Image %d is %s; this Mastodon instance accepts images up to %s."
						.formatted(number, megabytes(image.sizeBytes()), megabytes(limits.maxImageBytes()))));
		}
		String alt = image.altText();
		if (alt != null && limits.maxAltTextCharacters() > 0) {
			int altLength = alt.codePointCount(0, alt.length());
			if (altLength > limits.maxAltTextCharacters()) {
				violations.add(new Violation(NETWORK, field + ".altText", "max-alt-text",
						"The alt text of image %d has %d characters; this Mastodon instance allows %d."
							.formatted(number, altLength, limits.maxAltTextCharacters())));
			}
		}
	}

	private static String megabytes(long bytes) {
		return "%.1f MB".formatted(bytes / 1_048_576.0).replace(".0 MB", " MB");
	}
}
