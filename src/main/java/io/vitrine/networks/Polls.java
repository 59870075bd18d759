package io.vitrine.networks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A poll under a post, for the networks that take one (Mastodon, X): its answers, one per line, and how long it stays
 * open. The same two fields in the composer for every such network; each network's rules say how many answers of
 * what length it takes.
 */
public final class Polls {

	public static final VariantField OPTIONS = new VariantField("pollOptions", VariantField.Kind.LONG_TEXT, false, 0, List.of(),
			"network.field.pollOptions");

	/** The first is the default. */
	public static final VariantField DURATION = new VariantField("pollDuration", VariantField.Kind.CHOICE, false, 0,
			List.of("1d", "1h", "6h", "3d", "7d"), "network.field.pollDuration");

	private static final Map<String, Duration> DURATIONS = Map.of("1h", Duration.ofHours(1), "6h", Duration.ofHours(6),
			"1d", Duration.ofDays(1), "3d", Duration.ofDays(3), "7d", Duration.ofDays(7));

	private Polls() {
	}

	/** The answers, blank lines left out; empty when the post has no poll. */
	public static List<String> options(PostVariant variant) {
		String options = variant.field(OPTIONS.name());
		List<String> answers = new ArrayList<>();
		if (options != null) {
			options.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(answers::add);
		}
		return answers;
	}

	public static Duration duration(PostVariant variant) {
		String chosen = variant.field(DURATION.name());
		return DURATIONS.getOrDefault(chosen == null ? DURATION.choices().getFirst() : chosen, Duration.ofDays(1));
	}

	/**
	 * The rules every poll network shares, with its own numbers: 2 to {@code maxOptions} answers of at most
	 * {@code maxCharacters} each, and no media beside it.
	 */
	public static void check(String network, PostVariant variant, int maxOptions, int maxCharacters, List<Violation> violations) {
		List<String> options = options(variant);
		if (options.isEmpty()) {
			return;
		}
		String field = "fields." + OPTIONS.name();
		if (options.size() < 2 || options.size() > maxOptions) {
			violations.add(new Violation(network, field, "poll-options",
					"A poll on %s has 2 to %d answers; this one has %d.".formatted(network, maxOptions, options.size())));
		}
		for (int i = 0; i < options.size(); i++) {
			String option = options.get(i);
			if (option.codePointCount(0, option.length()) > maxCharacters) {
				violations.add(new Violation(network, field, "poll-option-length",
						"Answer %d of the poll has %d characters; %s takes %d.".formatted(i + 1,
								option.codePointCount(0, option.length()), network, maxCharacters)));
			}
		}
		if (!variant.media().isEmpty()) {
			violations.add(new Violation(network, field, "poll-with-media",
					"A post with a poll cannot have images or videos on %s.".formatted(network)));
		}
	}
}
