package io.vitrine.testsupport;

import java.io.File;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A separate Vitrine JVM, started from the main classes and the dependency jars (never the test
 * classes, so no test bean leaks in), so a test can kill it with SIGKILL like a crash would.
 */
public final class VitrineProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private VitrineProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	public static VitrineProcess start(String name, Map<String, String> env) throws IOException {
		int port = freePort();
		Path log = Path.of("target", "processes", name + ".log");
		Files.createDirectories(log.getParent());
		String java = ProcessHandle.current().info().command().orElse("java");
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				"io.vitrine.VitrineApplication"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().putAll(env);
		builder.environment().put("VITRINE_PORT", Integer.toString(port));
		VitrineProcess started = new VitrineProcess(builder.start(), port, log);
		started.awaitHealthy(Duration.ofSeconds(120));
		return started;
	}

	public int port() {
		return port;
	}

	/** Everything the process printed, from its own start only. */
	public String output() throws IOException {
		return Files.readString(log);
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed, exactly like a crash or the OOM killer. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private void awaitHealthy(Duration timeout) throws IOException {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Vitrine exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
			}
			try {
				HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException(e);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException(e);
			}
		}
		throw new IllegalStateException("Vitrine did not become healthy within " + timeout + "; see " + log.toAbsolutePath());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
