package io.vitrine.networks.bluesky;

import io.vitrine.networks.NetworkLimits;

/**
 * Bluesky's publishing limits, as data. Each comes from the official lexicons
 * (github.com/bluesky-social/atproto, lexicons/), which the PDS enforces on every record.
 */
final class BlueskyLimits {

	/** app/bsky/feed/post.json, record.text: "maxGraphemes": 300. */
	static final int MAX_GRAPHEMES = 300;

	/** app/bsky/feed/post.json, record.text: "maxLength": 3000 (lexicon string lengths are UTF-8 bytes). */
	static final int MAX_TEXT_BYTES = 3000;

	/** app/bsky/embed/images.json, images: "maxLength": 4. */
	static final int MAX_IMAGES = 4;

	/** app/bsky/embed/images.json, image: "maxSize": 2000000 ("May be up to 2 MB, formerly limited to 1 MB"). */
	static final long MAX_IMAGE_BYTES = 2_000_000;

	/** app/bsky/embed/images.json, image: "accept": ["image/*"]. */
	static final String ACCEPTED_IMAGE_TYPES = "image/";

	/**
	 * The lexicon sets no limit on alt text ("alt" is a plain string); the official app stops at
	 * 2,000 graphemes (bluesky-social/social-app, src/lib/constants.ts, MAX_ALT_TEXT), and so do we.
	 */
	static final int MAX_ALT_GRAPHEMES = 2000;

	/** app/bsky/richtext/facet.json, tag: "maxGraphemes": 64, "maxLength": 640. */
	static final int MAX_TAG_GRAPHEMES = 64;

	static final int MAX_TAG_BYTES = 640;

	static final NetworkLimits DEFAULTS = new NetworkLimits(MAX_GRAPHEMES, MAX_TEXT_BYTES, 0, MAX_IMAGES,
			MAX_IMAGE_BYTES, MAX_ALT_GRAPHEMES);

	private BlueskyLimits() {
	}
}
