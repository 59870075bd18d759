package io.vitrine.networks.mastodon;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a published status with what Vitrine sent. Mastodon returns HTML ({@code <p>},
 * {@code <br>}, links split into spans, remote mentions shown as {@code @user}), so both sides are
 * brought to one plain form: tags stripped, entities unescaped, mentions shortened, whitespace collapsed.
 */
final class StatusText {

	private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p[^>]*>");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private StatusText() {
	}

	static String fromHtml(String html) {
		if (html == null) {
			return "";
		}
		String text = BREAK.matcher(html).replaceAll("\n");
		text = TAG.matcher(text).replaceAll("");
		return normalize(unescape(text));
	}

	/** What Vitrine sent, in the same form as {@link #fromHtml}. */
	static String fromSent(String text) {
		return normalize(text == null ? "" : text);
	}

	private static String normalize(String text) {
		Matcher mention = MastodonTextLength.MENTION.matcher(text);
		String shortened = mention.replaceAll(m -> Matcher.quoteReplacement("@" + m.group(2)));
		return SPACE.matcher(shortened.replace('\u00a0', ' ')).replaceAll(" ").strip();
	}

	private static String unescape(String text) {
		return ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
	}

	private static String entity(String name, String whole) {
		try {
			if (name.startsWith("#x") || name.startsWith("#X")) {
				return Character.toString(Integer.parseInt(name.substring(2), 16));
			}
			if (name.startsWith("#")) {
				return Character.toString(Integer.parseInt(name.substring(1)));
			}
		}
		catch (IllegalArgumentException e) {
			return whole;
		}
		return switch (name) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "nbsp" -> " ";
			default -> whole;
		};
	}
}
