package io.vitrine.networks.mastodon;

import io.vitrine.networks.NetworkLimits;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Set;

/** An instance's limits, read from GET /api/v2/instance → configuration; Mastodon's defaults where absent. */
final class MastodonLimits {

	static final Set<String> DEFAULT_IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
			"image/heic", "image/heif", "image/avif");

	/** Mastodon's own defaults: 500 characters, 23 per URL, 4 attachments, 16 MB images, 1,500-character descriptions. */
	static final NetworkLimits DEFAULTS = new NetworkLimits(500, 0, 23, 4, 16_777_216L, 1500, DEFAULT_IMAGE_TYPES);

	private MastodonLimits() {
	}

	static NetworkLimits of(JsonNode configuration) {
		JsonNode statuses = configuration.path("statuses");
		JsonNode media = configuration.path("media_attachments");
		Set<String> imageTypes = new LinkedHashSet<>();
		for (JsonNode type : media.path("supported_mime_types")) {
			if (type.isString() && type.stringValue().startsWith("image/")) {
				imageTypes.add(type.stringValue());
			}
		}
		return new NetworkLimits(
				positive(statuses.path("max_characters"), DEFAULTS.maxCharacters()), 0,
				positive(statuses.path("characters_reserved_per_url"), DEFAULTS.charactersPerUrl()),
				positive(statuses.path("max_media_attachments"), DEFAULTS.maxImages()),
				media.path("image_size_limit").isNumber() ? media.path("image_size_limit").asLong() : DEFAULTS.maxImageBytes(),
				positive(media.path("description_limit"), DEFAULTS.maxAltTextCharacters()),
				imageTypes.isEmpty() ? DEFAULT_IMAGE_TYPES : imageTypes);
	}

	private static int positive(JsonNode node, int fallback) {
		return node.isNumber() && node.asInt() > 0 ? node.asInt() : fallback;
	}
}
