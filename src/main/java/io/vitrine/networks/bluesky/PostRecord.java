package io.vitrine.networks.bluesky;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An app.bsky.feed.post record (lexicons app/bsky/feed/post.json, app/bsky/richtext/facet.json,
 * app/bsky/embed/images.json). Link cards (app.bsky.embed.external) are not made: a link is a
 * facet in the text.
 */
final class PostRecord {

	static final String COLLECTION = "app.bsky.feed.post";

	private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** An uploaded image as the post embeds it. */
	record Image(JsonNode blob, String alt, Integer width, Integer height) {
	}

	private PostRecord() {
	}

	/**
	 * The text as it will be stored: a lone UTF-16 surrogate (half an emoji, cut by some editor)
	 * cannot be encoded and becomes "?", exactly as the bytes that are counted and sent.
	 */
	static String text(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
	}

	/**
	 * @param text already passed through {@link #text(String)}
	 * @param dids the DID of each mentioned handle that could be resolved; other mentions stay plain text
	 */
	static ObjectNode build(String text, Instant createdAt, List<Facets.Facet> facets, Map<String, String> dids,
			List<Image> images) {
		ObjectNode record = JsonMapper.shared().createObjectNode();
		record.put("$type", COLLECTION);
		record.put("text", text);
		record.put("createdAt", CREATED_AT.format(createdAt));
		ArrayNode facetArray = record.putArray("facets");
		for (Facets.Facet facet : facets) {
			feature(facet.feature(), dids).ifPresent(feature -> {
				ObjectNode node = facetArray.addObject();
				node.putObject("index").put("byteStart", facet.byteStart()).put("byteEnd", facet.byteEnd());
				node.putArray("features").add(feature);
			});
		}
		if (facetArray.isEmpty()) {
			record.remove("facets");
		}
		if (!images.isEmpty()) {
			ObjectNode embed = record.putObject("embed");
			embed.put("$type", "app.bsky.embed.images");
			ArrayNode array = embed.putArray("images");
			for (Image image : images) {
				ObjectNode node = array.addObject();
				node.put("alt", image.alt() == null ? "" : image.alt());
				node.set("image", image.blob());
				if (image.width() != null && image.height() != null && image.width() > 0 && image.height() > 0) {
					node.putObject("aspectRatio").put("width", image.width()).put("height", image.height());
				}
			}
		}
		return record;
	}

	private static Optional<ObjectNode> feature(Facets.Feature feature, Map<String, String> dids) {
		ObjectNode node = JsonMapper.shared().createObjectNode();
		switch (feature) {
			case Facets.Link link -> node.put("$type", "app.bsky.richtext.facet#link").put("uri", link.uri());
			case Facets.Tag tag -> node.put("$type", "app.bsky.richtext.facet#tag").put("tag", tag.tag());
			case Facets.Mention mention -> {
				String did = dids.get(mention.handle().toLowerCase(Locale.ROOT));
				if (did == null) {
					return Optional.empty();
				}
				node.put("$type", "app.bsky.richtext.facet#mention").put("did", did);
			}
		}
		return Optional.of(node);
	}
}
