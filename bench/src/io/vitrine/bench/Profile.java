package io.vitrine.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises a JFR recording of the Vitrine process (bench/run.sh ... profile): where the CPU
 * samples fall, by library (the first recognised frame from the top of the stack), and which Vitrine
 * method each sample is working for (the first io.vitrine frame). Usage: Profile file.jfr [from to]
 * (ISO instants: only samples of the drain, not of the start-up).
 */
public final class Profile {

	private static final List<String[]> BUCKETS = List.of(new String[] { "org.postgresql.", "JDBC driver (PostgreSQL)" },
			new String[] { "org.h2.", "H2 database engine" }, new String[] { "com.zaxxer.", "connection pool" },
			new String[] { "org.apache.hc.", "HTTP client (Apache HC5)" }, new String[] { "tools.jackson.", "JSON" },
			new String[] { "com.fasterxml.", "JSON" }, new String[] { "com.google.crypto.", "credential decryption (Tink)" },
			new String[] { "javax.crypto.", "credential decryption (Tink)" }, new String[] { "com.sun.crypto.", "credential decryption (Tink)" },
			new String[] { "org.springframework.jdbc.", "Spring JDBC" }, new String[] { "org.springframework.transaction.", "Spring transactions" },
			new String[] { "org.springframework.", "Spring (other)" }, new String[] { "com.twitter.", "text validation (twitter-text)" },
			new String[] { "io.micrometer.", "metrics" }, new String[] { "ch.qos.logback.", "logging" },
			new String[] { "org.slf4j.", "logging" }, new String[] { "io.vitrine.", "Vitrine code" },
			new String[] { "org.apache.catalina.", "Tomcat" }, new String[] { "org.apache.tomcat.", "Tomcat" });

	public static void main(String[] args) throws Exception {
		Map<String, Integer> byBucket = new HashMap<>();
		Map<String, Integer> byVitrine = new HashMap<>();
		Map<String, Integer> byTop = new HashMap<>();
		Map<String, Integer> byClass = new HashMap<>();
		int total = 0;
		java.time.Instant from = args.length > 2 ? java.time.Instant.parse(args[1]) : java.time.Instant.MIN;
		java.time.Instant to = args.length > 2 ? java.time.Instant.parse(args[2]) : java.time.Instant.MAX;
		try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
						|| event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
					continue;
				}
				total++;
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				String bucket = "JDK / other";
				for (RecordedFrame frame : frames) {
					String type = frame.getMethod().getType().getName();
					String found = BUCKETS.stream().filter(b -> type.startsWith(b[0])).map(b -> b[1]).findFirst().orElse(null);
					if (found != null) {
						bucket = found;
						byClass.merge(type + "." + frame.getMethod().getName(), 1, Integer::sum);
						break;
					}
				}
				byBucket.merge(bucket, 1, Integer::sum);
				String vitrine = frames.stream().map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
					.filter(name -> name.startsWith("io.vitrine.")).findFirst().orElse("(outside Vitrine code)");
				byVitrine.merge(vitrine, 1, Integer::sum);
				if (!frames.isEmpty()) {
					RecordedFrame top = frames.getFirst();
					byTop.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
				}
			}
		}
		System.out.println("CPU samples of the Vitrine process: " + total);
		print("by library (first recognised frame from the top)", byBucket, total, 20);
		print("by the Vitrine method the sample works for", byVitrine, total, 15);
		print("first recognised library frame", byClass, total, 15);
		print("hottest top frames", byTop, total, 12);
	}

	private static void print(String title, Map<String, Integer> counts, int total, int limit) {
		System.out.println("-- " + title);
		counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
			.forEach(e -> System.out.printf(Locale.ROOT, "%5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
	}
}
