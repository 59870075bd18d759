package io.vitrine.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real Bluesky PDS (and its did:plc directory) on 127.0.0.1, started once per test JVM by
 * {@code scripts/pds.sh start} (see src/test/pds/README.md) and stopped when the JVM exits. It also
 * talks to the PDS directly, as a person's own Bluesky app would: create accounts and app
 * passwords, read records back.
 *
 * <p>When the PDS is not installed the tests fail, on purpose: CI installs it first with
 * {@code scripts/test-deps.sh}, and a silently skipped Bluesky test would prove nothing.
 */
public final class BlueskyPds {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private static final AtomicInteger ACCOUNTS = new AtomicInteger();

	private static BlueskyPds instance;

	private final String url;

	private final String jwtSecret;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** An account made on the PDS, with the main-password session its owner would have. */
	public record Account(String handle, String did, String email, String password, String accessJwt, String refreshJwt) {
	}

	private BlueskyPds(String url, String jwtSecret) {
		this.url = url;
		this.jwtSecret = jwtSecret;
	}

	/** The running PDS, started on first use. */
	public static synchronized BlueskyPds get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	/** Base URL, e.g. http://127.0.0.1:41234; the accounts' DID documents name it http://localhost:41234. */
	public String url() {
		return url;
	}

	public Account createAccount(String name) {
		String handle = name + "-" + ACCOUNTS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36) + ".test";
		String password = "pass-" + HexFormat.of().formatHex(randomBytes(8));
		String email = handle.replace(".test", "") + "@example.com";
		JsonNode answer = ok(post("com.atproto.server.createAccount", null,
				Map.of("handle", handle, "email", email, "password", password)));
		return new Account(handle, answer.path("did").asString(), email, password, answer.path("accessJwt").asString(),
				answer.path("refreshJwt").asString());
	}

	/** An app password, as the account's owner makes one in the app's settings (needs the main-password session). */
	public String createAppPassword(Account account, String name) {
		return ok(post("com.atproto.server.createAppPassword", account.accessJwt(), Map.of("name", name)))
			.path("password").asString();
	}

	public void revokeAppPassword(Account account, String name) {
		ok(post("com.atproto.server.revokeAppPassword", account.accessJwt(), Map.of("name", name)));
	}

	/** com.atproto.repo.getRecord: the answer's status and body. */
	public Answer getRecord(String did, String collection, String rkey) {
		return get("com.atproto.repo.getRecord", Map.of("repo", did, "collection", collection, "rkey", rkey));
	}

	public List<JsonNode> listRecords(String did, String collection) {
		JsonNode body = ok(get("com.atproto.repo.listRecords", Map.of("repo", did, "collection", collection, "limit", "100")));
		return body.path("records").valueStream().toList();
	}

	/** The bytes of a blob, as any reader of the post gets them. */
	public byte[] getBlob(String did, String cid) {
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url + "/xrpc/com.atproto.sync.getBlob?did="
					+ encode(did) + "&cid=" + encode(cid))).build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("getBlob answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * An access token signed like the PDS's own (HS256 with its JWT secret), for the account, with
	 * the given expiry: in the past, the PDS answers 400 ExpiredToken.
	 */
	public String accessToken(String did, Instant expiresAt) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String header = b64.encodeToString("{\"typ\":\"at+jwt\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
		String payload = b64.encodeToString(("{\"scope\":\"com.atproto.appPass\",\"aud\":\"did:web:localhost\",\"sub\":\"" + did
				+ "\",\"iat\":" + (expiresAt.getEpochSecond() - 7200) + ",\"exp\":" + expiresAt.getEpochSecond() + "}")
			.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signature = b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
			return header + "." + payload + "." + signature;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public record Answer(int status, JsonNode body) {
	}

	public Answer get(String method, Map<String, String> params) {
		String query = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url + "/xrpc/" + method + "?" + query)).GET());
	}

	public Answer post(String method, String token, Map<String, ?> body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/xrpc/" + method))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isEmpty() ? JsonMapper.shared().createObjectNode()
					: JsonMapper.shared().readTree(response.body());
			return new Answer(response.statusCode(), body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode ok(Answer answer) {
		if (answer.status() != 200) {
			throw new IllegalStateException("the PDS answered " + answer.status() + ": " + answer.body());
		}
		return answer.body();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static BlueskyPds start() {
		Path project = Path.of(System.getProperty("user.dir"));
		Path script = project.resolve("scripts/pds.sh");
		requireInstalled(script);
		try {
			Path dataDir = Files.createTempDirectory("vitrine-pds");
			Path log = dataDir.resolve("pds-stderr.log");
			int[] ports = freePorts();
			String secret = HexFormat.of().formatHex(randomBytes(32));
			ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "start", String.valueOf(ports[0]),
					String.valueOf(ports[1]), dataDir.toString())
				.directory(project.toFile())
				.redirectError(log.toFile());
			builder.environment().put("VITRINE_PDS_JWT_SECRET", secret);
			// stdin stays a pipe: if this JVM dies, the pipe closes and the PDS exits by itself.
			Process process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				stop(process);
				deleteQuietly(dataDir);
			}));
			String ready = awaitReady(process, log);
			return new BlueskyPds(ready.substring("PDS_READY ".length()).strip(), secret);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not start the Bluesky PDS", e);
		}
	}

	private static void requireInstalled(Path script) {
		try {
			Process path = new ProcessBuilder("bash", script.toString(), "path").redirectErrorStream(true).start();
			String output = new String(path.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!path.waitFor(30, TimeUnit.SECONDS) || path.exitValue() != 0) {
				throw new IllegalStateException("The Bluesky PDS these tests publish to is not installed (" + output.strip()
						+ "). Run scripts/test-deps.sh once (it installs it from npm, about two minutes), then run the tests again.");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not run " + script, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String awaitReady(Process process, Path log) {
		CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
			try {
				BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (line.startsWith("PDS_READY ")) {
						return line;
					}
				}
				return null;
			}
			catch (IOException e) {
				return null;
			}
		});
		try {
			String line = ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			if (line == null) {
				throw new IllegalStateException("the Bluesky PDS stopped before it was ready: " + tail(log));
			}
			return line;
		}
		catch (TimeoutException e) {
			stop(process);
			throw new IllegalStateException("the Bluesky PDS was not ready after " + READY_TIMEOUT.toSeconds() + " s: " + tail(log));
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("could not read the Bluesky PDS's output", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Two ports free right now; both sockets stay open until both are chosen, so they differ. */
	private static int[] freePorts() throws IOException {
		try (ServerSocket plc = new ServerSocket(0); ServerSocket pds = new ServerSocket(0)) {
			return new int[] { plc.getLocalPort(), pds.getLocalPort() };
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException | UncheckedIOException ignored) {
			// the JVM is exiting; a leftover temp folder is harmless
		}
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
