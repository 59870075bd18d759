package io.vitrine.networks.youtube;

import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A YouTube upload's rules, from the videos resource reference (https://developers.google.com/youtube/v3/docs/videos,
 * snippet.title, snippet.description, snippet.tags[]). Pure: no I/O.
 */
final class YouTubeRules {

	static final String NETWORK = "YouTube";

	/** snippet.title: "maximum length of 100 characters and can contain all valid UTF-8 characters except < and >". */
	static final int MAX_TITLE = 100;

	/** snippet.description: "maximum length of 5000 bytes and can contain all valid UTF-8 characters except < and >". */
	static final int MAX_DESCRIPTION_BYTES = 5000;

	/**
	 * snippet.tags[]: "maximum length of 500 characters"; the commas between tags count, and a tag with a space counts as
	 * if wrapped in quotation marks.
	 */
	static final int MAX_TAGS = 500;

	/** status.privacyStatus; the first is the composer's default. */
	static final List<String> PRIVACY = List.of("public", "unlisted", "private");

	static final VariantField TITLE = new VariantField("title", VariantField.Kind.TEXT, true, MAX_TITLE, List.of(),
			"network.field.youtube.title");

	static final VariantField TAGS = new VariantField("tags", VariantField.Kind.TAGS, false, MAX_TAGS, List.of(),
			"network.field.youtube.tags");

	static final VariantField PRIVACY_STATUS = new VariantField("privacy", VariantField.Kind.CHOICE, true, 0, PRIVACY,
			"network.field.youtube.privacy");

	static final NetworkLimits LIMITS = new NetworkLimits(0, MAX_DESCRIPTION_BYTES, 0, 0, 0, 0);

	private YouTubeRules() {
	}

	static VariantCheck check(PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String description = variant.fullText();
		int bytes = description.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_DESCRIPTION_BYTES) {
			violations.add(new Violation(NETWORK, "text", "max-bytes",
					"The YouTube description takes %d bytes; the limit is %d.".formatted(bytes, MAX_DESCRIPTION_BYTES)));
		}
		if (description.indexOf('<') >= 0 || description.indexOf('>') >= 0) {
			violations.add(new Violation(NETWORK, "text", "angle-brackets", "A YouTube description cannot contain < or >."));
		}
		// A missing title is the shared rules' (CommonRules: TITLE is declared required); its length and characters are ours.
		String title = variant.field(TITLE.name());
		if (title != null) {
			int length = title.codePointCount(0, title.length());
			if (length > MAX_TITLE) {
				violations.add(new Violation(NETWORK, "fields.title", "max-length",
						"The YouTube title has %d characters; the limit is %d.".formatted(length, MAX_TITLE)));
			}
			if (title.indexOf('<') >= 0 || title.indexOf('>') >= 0) {
				violations.add(new Violation(NETWORK, "fields.title", "angle-brackets", "A YouTube title cannot contain < or >."));
			}
		}
		int tagLength = tagsLength(tags(variant));
		if (tagLength > MAX_TAGS) {
			violations.add(new Violation(NETWORK, "fields.tags", "max-length",
					"YouTube counts %d characters in the tags (commas, and quotes around tags with spaces, included); the limit is %d."
						.formatted(tagLength, MAX_TAGS)));
		}
		String privacy = variant.field(PRIVACY_STATUS.name());
		if (privacy != null && !PRIVACY.contains(privacy)) {
			violations.add(new Violation(NETWORK, "fields.privacy", "choice",
					"YouTube's privacy must be public, unlisted or private; got " + privacy + "."));
		}
		List<PostVariant.Media> media = variant.media();
		if (variant.videos().size() != 1 || media.size() != 1) {
			violations.add(new Violation(NETWORK, "media", "one-video",
					"A YouTube upload is exactly one video; this post has %d video(s) and %d image(s)."
						.formatted(variant.videos().size(), variant.images().size())));
		}
		return new VariantCheck(bytes, MAX_DESCRIPTION_BYTES, violations);
	}

	static List<String> tags(PostVariant variant) {
		String raw = variant.field(TAGS.name());
		return raw == null ? List.of() : Arrays.stream(raw.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	static int tagsLength(List<String> tags) {
		int length = Math.max(0, tags.size() - 1);
		for (String tag : tags) {
			length += tag.codePointCount(0, tag.length()) + (tag.contains(" ") ? 2 : 0);
		}
		return length;
	}
}
