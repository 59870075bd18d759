package io.vitrine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Vitrine's /actuator/prometheus at the end of a scenario and checks that the operator's
 * view agrees with what the bench measured from the database: published and failed outcomes,
 * the lateness histogram (its count, and the bucket holding the 99th percentile), targets due and
 * targets unknown. Counters live in a process: when a process was killed during the scenario,
 * the survivors' counters cover only part of the run, and the verdict says "partial".
 */
final class Prometheus {

	/** What the bench measured, to compare with. */
	record Expected(long published, long failed, long unknown, long due, List<Double> sortedLateness) {
	}

	/** A one-word verdict for the table and the details for the lines under it. */
	record Verdict(String word, String details) {
	}

	private Prometheus() {
	}

	static Verdict compare(List<String> scrapes, boolean complete, Expected expected) {
		double published = 0;
		double failed = 0;
		double count = 0;
		double due = 0;
		double unknown = 0;
		Map<Double, Double> buckets = new TreeMap<>();
		for (String text : scrapes) {
			for (String line : text.split("\n")) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String name = line.substring(0, indexOfAny(line, "{ "));
				double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				switch (name) {
					case "vitrine_publish_outcomes_total" -> {
						if (line.contains("outcome=\"published\"")) {
							published += value;
						}
						else if (line.contains("outcome=\"failed\"")) {
							failed += value;
						}
					}
					case "vitrine_publish_lateness_seconds_count" -> count += value;
					case "vitrine_publish_lateness_seconds_bucket" -> buckets.merge(le(line), value, Double::sum);
					case "vitrine_targets_due" -> due = Math.max(due, value);
					case "vitrine_targets_unknown" -> unknown = Math.max(unknown, value);
					default -> {
					}
				}
			}
		}
		List<String> checks = new ArrayList<>();
		boolean agrees = true;
		if (complete) {
			agrees &= check(checks, "outcomes published", published, expected.published());
			agrees &= check(checks, "outcomes failed", failed, expected.failed());
			agrees &= check(checks, "lateness count", count, expected.published());
			String p99 = p99(buckets, count, expected.sortedLateness());
			agrees &= !p99.startsWith("DIFFERS");
			checks.add(p99);
		}
		else {
			checks.add(String.format(Locale.ROOT, "outcomes published %.0f, failed %.0f by the surviving process(es), of %d and %d"
					+ " (the counters of killed processes died with them)", published, failed, expected.published(), expected.failed()));
			agrees &= published <= expected.published() && failed <= expected.failed();
		}
		agrees &= check(checks, "targets due", due, expected.due());
		agrees &= check(checks, "targets unknown", unknown, expected.unknown());
		String word = !agrees ? "DIFFERS" : complete ? "agrees" : "partial";
		return new Verdict(word, String.join("; ", checks));
	}

	private static boolean check(List<String> checks, String what, double metric, long bench) {
		boolean same = Math.round(metric) == bench;
		checks.add(String.format(Locale.ROOT, "%s %.0f %s %d", what, metric, same ? "=" : "DIFFERS from", bench));
		return same;
	}

	/** The histogram's bucket holding the 99th percentile must be the one the bench's own p99 falls in. */
	private static String p99(Map<Double, Double> buckets, double count, List<Double> sorted) {
		if (sorted.isEmpty() || count == 0) {
			return "p99 -";
		}
		long rank = (long) Math.ceil(0.99 * count);
		double lower = 0;
		for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
			if (bucket.getValue() >= rank) {
				double bench = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1));
				// A millisecond of slack: the database keeps microseconds, the timer nanoseconds.
				boolean inside = bench > lower - 0.001 && bench <= bucket.getKey() + 0.001;
				return String.format(Locale.ROOT, "%sp99 bucket (%.3f, %s] s %s bench p99 %.3f s", inside ? "" : "DIFFERS: ",
						lower, bucket.getKey().isInfinite() ? "+Inf" : String.format(Locale.ROOT, "%.3f", bucket.getKey()),
						inside ? "holds" : "does not hold", bench);
			}
			lower = bucket.getKey();
		}
		return "DIFFERS: no lateness bucket reaches the 99th percentile";
	}

	private static double le(String line) {
		int start = line.indexOf("le=\"") + 4;
		String value = line.substring(start, line.indexOf('"', start));
		return value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
	}

	private static int indexOfAny(String line, String chars) {
		for (int i = 0; i < line.length(); i++) {
			if (chars.indexOf(line.charAt(i)) >= 0) {
				return i;
			}
		}
		return line.length();
	}
}
