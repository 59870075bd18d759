package io.vitrine.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Vitrine process ({@code java -jar target/vitrine.jar}) on its own port, as an operator runs it. */
final class VitrineNode {

	private static final Path JAR = Path.of("target", "vitrine.jar");

	/** The same jar extracted by bench/run.sh, with the AOT cache trained on it: the same program, started faster. */
	private static final Path EXTRACTED = Path.of("bench", "target", "vitrine-app");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String name;

	private final Path log;

	private final Map<String, String> env;

	private final Path jfr;

	private Process process;

	private int port;

	private int starts;

	VitrineNode(String name, Path dir, Map<String, String> env, Path jfr) {
		this.name = name;
		this.log = dir.resolve(name + ".log");
		this.env = env;
		this.jfr = jfr;
	}

	/** Starts the process (appending to its log); {@link #awaitHealthy} waits for it. */
	VitrineNode start() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Bench.java(), "-Xmx1g", "-Dh2.bindAddress=127.0.0.1"));
		if (jfr != null) {
			command.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile");
		}
		if (Files.exists(EXTRACTED.resolve("vitrine.aot"))) {
			command.add("-XX:AOTCache=" + EXTRACTED.resolve("vitrine.aot").toAbsolutePath());
		}
		Path jar = Files.exists(EXTRACTED.resolve("vitrine.jar")) ? EXTRACTED.resolve("vitrine.jar") : JAR;
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(env);
		builder.environment().put("VITRINE_NODE_ID", name);
		builder.environment().put("VITRINE_PORT", Integer.toString(port));
		process = builder.start();
		starts++;
		return this;
	}

	VitrineNode awaitHealthy() throws Exception {
		Instant deadline = Instant.now().plusSeconds(240);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Vitrine " + name + " exited; see " + log);
			}
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return this;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Vitrine " + name + " did not become healthy; see " + log);
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	int starts() {
		return starts;
	}

	/** SIGKILL: no shutdown hook, no graceful stop of the engine, claims left as they are. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** SIGTERM, as an operator stops it; SIGKILL if it does not stop in 30 s. */
	void stop() throws InterruptedException {
		if (!alive()) {
			return;
		}
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	Duration cpu() {
		return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	ProcessHandle handle() {
		return process.toHandle();
	}

	/** The text of /actuator/prometheus. */
	String prometheus() throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("/actuator/prometheus answered HTTP " + response.statusCode());
		}
		return response.body();
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}
}
