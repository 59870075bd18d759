package io.vitrine.networks.linkedin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post text in LinkedIn's "little" text format, which the Posts API's {@code commentary} is written
 * in (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format).
 * Its reserved characters {@code | { } @ [ ] ( ) < > # \ * _ ~} must be escaped with a backslash to
 * be plain text: LinkedIn accepts an unescaped one and silently cuts the post there.
 *
 * <p>Hashtags stay hashtags ({@code {hashtag|\#|word}}, the format's HashtagTemplate); every other
 * reserved character is escaped, so an {@code @} is never read as a mention.
 */
final class LittleText {

	private static final String RESERVED = "|{}@[]()<>#\\*_~";

	/** A hashtag as people type it: # then letters, digits or underscores, not inside a word. */
	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

	private LittleText() {
	}

	static String of(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		Matcher tags = HASHTAG.matcher(text);
		int at = 0;
		while (tags.find()) {
			escape(text.substring(at, tags.start()), out);
			out.append("{hashtag|\\#|");
			escape(tags.group(1), out);
			out.append('}');
			at = tags.end();
		}
		escape(text.substring(at), out);
		return out.toString();
	}

	private static void escape(String plain, StringBuilder out) {
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			if (RESERVED.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
	}

	/**
	 * The plain text a little-format string shows: templates reduced to their text, escapes removed.
	 * Used to compare a post read back from LinkedIn with what Vitrine sent.
	 */
	static String plain(String little) {
		if (little == null) {
			return "";
		}
		String templates = little.replaceAll("\\{hashtag\\|\\\\#\\|([^}]*)\\}", "#$1");
		StringBuilder out = new StringBuilder(templates.length());
		for (int i = 0; i < templates.length(); i++) {
			char c = templates.charAt(i);
			if (c == '\\' && i + 1 < templates.length() && RESERVED.indexOf(templates.charAt(i + 1)) >= 0) {
				out.append(templates.charAt(++i));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
