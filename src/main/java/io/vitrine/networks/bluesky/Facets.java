package io.vitrine.networks.bluesky;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links, mentions and hashtags of a post's text, as Bluesky's official client does
 * (bluesky-social/atproto, packages/api/src/rich-text/detection.ts), with offsets in UTF-8 bytes
 * as app.bsky.richtext.facet requires.
 *
 * <p>Links are only URLs written with their scheme (http:// or https://): the official client
 * also links bare domains ("example.com") by checking a list of top-level domains, which would
 * make Vitrine's result depend on a list that changes; a person who wants a link writes it whole.
 * Mentions are found here and turned into DIDs when publishing, since that needs the network.
 */
final class Facets {

	sealed interface Feature {
	}

	record Link(String uri) implements Feature {
	}

	/** A handle as written, without the '@'; resolved to a DID just before publishing. */
	record Mention(String handle) implements Feature {
	}

	/** The tag without its '#'. */
	record Tag(String tag) implements Feature {
	}

	/** @param byteStart inclusive, in UTF-8 bytes @param byteEnd exclusive, in UTF-8 bytes */
	record Facet(int byteStart, int byteEnd, Feature feature) {
	}

	private static final Pattern MENTION = Pattern.compile("(?<=^|[\\s(])@([a-zA-Z0-9.-]+)", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern LINK = Pattern.compile("(?<=^|[\\s(])https?://\\S+",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

	/** Characters the official client treats as invisible inside a tag (soft hyphen, zero-width spaces and joiners). */
	private static final String INVISIBLE = "\\x{AD}\\x{2060}\\x{200A}\\x{200B}\\x{200C}\\x{200D}\\x{20E2}";

	/** A '#' (or full-width '＃') after a space, then at least one character that is not a digit or punctuation. */
	private static final Pattern TAG = Pattern.compile("(?<=^|\\s)[#\\x{FF03}]((?!\\x{FE0F})[^\\s" + INVISIBLE + "]*[^0-9\\s\\p{P}"
			+ INVISIBLE + "]+[^\\s" + INVISIBLE + "]*)", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+$");

	private Facets() {
	}

	static List<Facet> detect(String text) {
		int[] bytes = utf8Offsets(text);
		List<Facet> facets = new ArrayList<>();
		mentions(text, bytes, facets);
		links(text, bytes, facets);
		tags(text, bytes, facets);
		facets.sort(Comparator.comparingInt(Facet::byteStart));
		return facets;
	}

	private static void mentions(String text, int[] bytes, List<Facet> facets) {
		Matcher m = MENTION.matcher(text);
		while (m.find()) {
			// Like the official client's trailing \b: a handle never ends with '.' or '-' ("@alice.test." ends a sentence).
			String handle = m.group(1).replaceAll("[.-]+$", "");
			if (Handles.isHandle(handle)) {
				int start = m.start();
				facets.add(new Facet(bytes[start], bytes[start + 1 + handle.length()], new Mention(handle)));
			}
		}
	}

	private static void links(String text, int[] bytes, List<Facet> facets) {
		Matcher m = LINK.matcher(text);
		while (m.find()) {
			String uri = m.group();
			// Punctuation that ends a sentence, or closes a parenthesis opened before the link, is not part of it.
			if (uri.matches(".*[.,;:!?]$")) {
				uri = uri.substring(0, uri.length() - 1);
			}
			if (uri.endsWith(")") && !uri.contains("(")) {
				uri = uri.substring(0, uri.length() - 1);
			}
			if (hasHost(uri)) {
				facets.add(new Facet(bytes[m.start()], bytes[m.start() + uri.length()], new Link(uri)));
			}
		}
	}

	private static void tags(String text, int[] bytes, List<Facet> facets) {
		Matcher m = TAG.matcher(text);
		while (m.find()) {
			String tag = TRAILING_PUNCTUATION.matcher(m.group(1).strip()).replaceAll("");
			if (tag.isEmpty() || Graphemes.count(tag) > BlueskyLimits.MAX_TAG_GRAPHEMES
					|| Graphemes.utf8Bytes(tag) > BlueskyLimits.MAX_TAG_BYTES) {
				continue;
			}
			int start = m.start();
			facets.add(new Facet(bytes[start], bytes[start + 1 + tag.length()], new Tag(tag)));
		}
	}

	private static boolean hasHost(String uri) {
		try {
			String host = new URI(uri).getHost();
			return host != null && !host.isEmpty();
		}
		catch (URISyntaxException e) {
			// Not every link people write is a strict RFC 3986 URI (spaces are excluded, but not "|" or "^").
			int afterScheme = uri.indexOf("://") + 3;
			return afterScheme < uri.length() && Character.isLetterOrDigit(uri.charAt(afterScheme));
		}
	}

	/** offsets[i] = UTF-8 length of text[0, i), for every UTF-16 index i. */
	static int[] utf8Offsets(String text) {
		int[] offsets = new int[text.length() + 1];
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			offsets[i] = bytes;
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				offsets[i + 1] = bytes; // inside a pair: never a facet boundary
				bytes += 4;
				i++;
			}
			else {
				// A lone surrogate is sent as "?" (String#getBytes replaces it), so it counts for one byte.
				bytes += c < 0x80 || Character.isSurrogate(c) ? 1 : c < 0x800 ? 2 : 3;
			}
		}
		offsets[text.length()] = bytes;
		return offsets;
	}
}
