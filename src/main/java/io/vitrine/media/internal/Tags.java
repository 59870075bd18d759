package io.vitrine.media.internal;

import io.vitrine.shared.InvalidInput;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Tags as people type them ("#Summer Sale", "summer-sale") kept in one form: lower case, no '#', words joined by '-'. */
final class Tags {

	static final int MAX_TAGS = 20;

	static final int MAX_LENGTH = 50;

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_-]+");

	private Tags() {
	}

	static String normalize(String tag) {
		String t = tag == null ? "" : tag.strip();
		while (t.startsWith("#")) {
			t = t.substring(1);
		}
		return t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
	}

	/** Each entry may itself hold several tags separated by commas. */
	static List<String> parse(String field, List<String> tags) {
		Set<String> result = new LinkedHashSet<>();
		for (String entry : tags == null ? List.<String>of() : tags) {
			for (String part : (entry == null ? "" : entry).split(",")) {
				String tag = normalize(part);
				if (tag.isEmpty()) {
					continue;
				}
				if (tag.length() > MAX_LENGTH || !ALLOWED.matcher(tag).matches()) {
					throw InvalidInput.of(field, "tag", "\"" + part.strip() + "\" must be at most " + MAX_LENGTH
							+ " letters, digits, '-' or '_'");
				}
				result.add(tag);
			}
		}
		if (result.size() > MAX_TAGS) {
			throw InvalidInput.of(field, "max-count", "at most " + MAX_TAGS + " tags");
		}
		return new ArrayList<>(result);
	}
}
