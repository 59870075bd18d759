package io.vitrine.networks.x;

import com.twitter.twittertext.Extractor;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares a post read back from X with what Vitrine sent. X returns the text with every link
 * replaced by a t.co link, a t.co link of the attached media appended, and &amp;, &lt;, &gt;
 * escaped: both sides are brought to one form without links, unescaped, whitespace collapsed.
 */
final class XPostText {

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private XPostText() {
	}

	static String comparable(String text) {
		if (text == null) {
			return "";
		}
		String unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
		List<Extractor.Entity> urls = new Extractor().extractURLsWithIndices(unescaped);
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (Extractor.Entity url : urls) {
			out.append(unescaped, at, url.getStart()).append(' ');
			at = url.getEnd();
		}
		out.append(unescaped.substring(at));
		return SPACE.matcher(out.toString()).replaceAll(" ").strip();
	}
}
