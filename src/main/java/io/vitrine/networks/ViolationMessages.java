package io.vitrine.networks;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The networks' rule messages in the reader's language. Rules write English sentences with their values in them
 * ({@link Violation#message()}); a catalog per language ({@code i18n/violations_<lang>.txt}) gives, for each English
 * sentence shape, the same sentence in that language, so the rules stay plain and one file holds a language whole.
 * A message the catalog does not know is shown as it is.
 */
@Component
public class ViolationMessages {

	/** The placeholders the rules use in their English formats. */
	private static final Pattern PLACEHOLDER = Pattern.compile("%(?:,d|\\d*d|\\.\\d+f|s)");

	private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

	private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})+");

	private record Entry(Pattern english, String translated, int literalLength) {
	}

	private final Map<String, List<Entry>> catalogs = new ConcurrentHashMap<>();

	/** {@code message} in {@code locale}'s language when the catalog has it, else as it is. */
	public String translate(String message, Locale locale) {
		if (message == null || locale == null || locale.getLanguage().equals("en") || locale.getLanguage().isEmpty()) {
			return message;
		}
		for (Entry entry : catalogs.computeIfAbsent(locale.getLanguage(), ViolationMessages::load)) {
			Matcher m = entry.english().matcher(message);
			if (m.matches()) {
				String result = entry.translated();
				for (int i = m.groupCount(); i >= 1; i--) {
					result = result.replace("{" + (i - 1) + "}", localNumber(m.group(i), locale));
				}
				return result;
			}
		}
		// "Bluesky (@olga.bsky.social): is 301 characters long…": the account is named before the rule's own message.
		int named = message.indexOf("): ");
		if (named > 0) {
			String rest = message.substring(named + 3);
			String translated = translate(rest, locale);
			if (!translated.equals(rest)) {
				return message.substring(0, named + 3) + translated;
			}
		}
		return message;
	}

	public Violation translate(Violation violation, Locale locale) {
		String message = translate(violation.message(), locale);
		return message.equals(violation.message()) ? violation
				: new Violation(violation.network(), violation.field(), violation.rule(), message);
	}

	public VariantCheck translate(VariantCheck check, Locale locale) {
		return new VariantCheck(check.length(), check.maxLength(),
				check.violations().stream().map(v -> translate(v, locale)).toList());
	}

	/** 1.5 and 36,152,320 as the language writes them (French: 1,5 and 36 152 320). */
	private static String localNumber(String value, Locale locale) {
		if (!locale.getLanguage().equals("fr")) {
			return value;
		}
		if (DECIMAL.matcher(value).matches()) {
			return value.replace('.', ',');
		}
		if (THOUSANDS.matcher(value).matches()) {
			return value.replace(',', '\u202f');
		}
		return value;
	}

	static List<Entry> load(String language) {
		List<Entry> entries = new ArrayList<>();
		try (InputStream in = ViolationMessages.class.getResourceAsStream("/i18n/violations_" + language + ".txt")) {
			if (in == null) {
				return List.of();
			}
			String english = null;
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.startsWith("en: ")) {
					english = line.substring(4).strip();
				}
				else if (line.startsWith(language + ": ") && english != null) {
					entries.add(entry(english, line.substring(language.length() + 2).strip()));
					english = null;
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// The most specific shape first: "An event on Google Business Profile needs a %s." before "%s needs a %s.".
		entries.sort(Comparator.comparingInt(Entry::literalLength).reversed());
		return List.copyOf(entries);
	}

	static Entry entry(String english, String translated) {
		StringBuilder regex = new StringBuilder("^");
		Matcher m = PLACEHOLDER.matcher(english);
		int at = 0;
		int literal = 0;
		while (m.find()) {
			regex.append(Pattern.quote(english.substring(at, m.start()))).append("(.+?)");
			literal += m.start() - at;
			at = m.end();
		}
		regex.append(Pattern.quote(english.substring(at))).append('$');
		literal += english.length() - at;
		return new Entry(Pattern.compile(regex.toString(), Pattern.DOTALL), translated, literal);
	}

	/** How many values the English shape holds, and the highest {n} its translation uses: a test keeps them in step. */
	static int[] placeholders(String english, String translated) {
		int values = (int) PLACEHOLDER.matcher(english).results().count();
		int highest = Pattern.compile("\\{(\\d+)}").matcher(translated).results()
			.mapToInt(r -> Integer.parseInt(r.group(1)) + 1).max().orElse(0);
		return new int[] { values, highest };
	}
}
