package io.vitrine.networks.pinterest;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pinterest's rules for one Pin. Pure: no I/O; the same code runs in the composer and before sending. The
 * board is the connected account itself, so a Pin always has one. Sources: the official API description
 * (pinterest-v5-openapi.json, components.schemas.PinCreate and the media sources) and Pinterest's product specs
 * (https://help.pinterest.com/en/business/article/pinterest-product-specs).
 */
final class PinterestRules {

	static final String NETWORK = "Pinterest";

	/**
	 * The description: 500 characters, as Pinterest's product specs and its Pin builder count it. The API
	 * description takes up to 800 (PinCreate.description maxLength), but only 500 are shown; the stricter rule wins.
	 */
	static final int MAX_DESCRIPTION = 500;

	/** PinCreate.title maxLength 100. */
	static final int MAX_TITLE = 100;

	/** PinCreate.alt_text maxLength 500. */
	static final int MAX_ALT_TEXT = 500;

	/** PinCreate.link maxLength 2048. */
	static final int MAX_LINK = 2048;

	/** multiple_image_base64: 2 to 5 items (PinMediaSourceImagesBase64.items); one image is an image_base64 Pin. */
	static final int MAX_IMAGES = 5;

	/** components.schemas.ContentType: image/jpeg and image/png only. */
	static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png");

	/** Product specs, standard Pins: "Max file size: 20 MB". */
	static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

	static final NetworkLimits LIMITS = new NetworkLimits(MAX_DESCRIPTION, 0, 0, MAX_IMAGES, MAX_IMAGE_BYTES, MAX_ALT_TEXT,
			IMAGE_TYPES);

	/** The Pin's title, asked for by the composer; its length is checked with every network's field rules. */
	static final VariantField TITLE = new VariantField("title", VariantField.Kind.TEXT, false, MAX_TITLE, List.of(),
			"network.field.pinterest.title");

	private PinterestRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String text = variant.text();
		int length = text.codePointCount(0, text.length());
		if (length > MAX_DESCRIPTION) {
			violations.add(new Violation(NETWORK, "text", "max-characters",
					"Pinterest counts %d characters in the description; the limit is %d.".formatted(length, MAX_DESCRIPTION)));
		}
		String link = variant.link();
		if (link != null && (link.length() > MAX_LINK || !link.matches("(?i)https?://\\S+"))) {
			violations.add(new Violation(NETWORK, "link", "link",
					"The Pin's link must be an http or https address of at most %d characters.".formatted(MAX_LINK)));
		}
		List<PostVariant.Media> images = variant.images();
		if (images.isEmpty()) {
			violations.add(new Violation(NETWORK, "images", "required", "A Pin needs an image (JPEG or PNG)."));
		}
		if (images.size() > MAX_IMAGES) {
			violations.add(new Violation(NETWORK, "images", "max-images",
					"Pinterest allows %d images per Pin; this one has %d.".formatted(MAX_IMAGES, images.size())));
		}
		for (int i = 0; i < images.size(); i++) {
			PostVariant.Media image = images.get(i);
			String field = "images[" + i + "]";
			int number = i + 1;
			if (!LIMITS.acceptsImageType(image.contentType())) {
				violations.add(new Violation(NETWORK, field, "image-type",
						"Image %d is %s; Pinterest accepts JPEG and PNG images.".formatted(number, image.contentType())));
				continue;
			}
			if (image.sizeBytes() > MAX_IMAGE_BYTES) {
				violations.add(new Violation(NETWORK, field, "max-image-bytes",
						"Image %d is %.1f MB; Pinterest accepts up to 20 MB.".formatted(number, image.sizeBytes() / 1048576.0)));
			}
			String alt = image.altText();
			if (alt != null && alt.codePointCount(0, alt.length()) > MAX_ALT_TEXT) {
				violations.add(new Violation(NETWORK, field + ".altText", "max-alt-text",
						"The alt text of image %d has %d characters; Pinterest allows %d."
							.formatted(number, alt.codePointCount(0, alt.length()), MAX_ALT_TEXT)));
			}
		}
		return new VariantCheck(length, MAX_DESCRIPTION, violations);
	}
}
