package io.vitrine.networks.meta;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vitrine.testsupport.RequestBodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Meta's APIs (Graph API, Threads API) share, on 127.0.0.1: requests recorded field by field, answers
 * overridable once per route, errors in the one Graph shape
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling), and a way to accept a request then never
 * answer (a lost response). Each network's server says what its endpoints do.
 */
public abstract class MetaApiServer implements AutoCloseable {

	public record Recorded(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
			Map<String, String> form) {

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}

		public String bearer() {
			return Optional.ofNullable(header("Authorization")).orElse("").replaceFirst("^Bearer ", "");
		}
	}

	public record Answer(int status, Map<String, String> headers, String body) {
	}

	public interface Responder {

		Answer answer(Recorded request) throws Exception;
	}

	protected final JsonMapper json = JsonMapper.builder().build();

	protected final AtomicLong ids = new AtomicLong(17_841_400_000_000_000L);

	private final HttpServer server;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Responder>> overrides = new ConcurrentHashMap<>();

	private final CountDownLatch release = new CountDownLatch(1);

	protected MetaApiServer() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	/** The network's own behaviour for a request no override answered. */
	protected abstract Answer behave(Recorded request) throws Exception;

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void respondOnce(String method, String path, Responder responder) {
		overrides.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(responder);
	}

	/** Applies the request, then never answers: the client's read times out. */
	public Answer acceptThenHang(Recorded request) throws Exception {
		behave(request);
		release.await(30, TimeUnit.SECONDS);
		return error(503, "released", 2, null, true);
	}

	public List<Recorded> requests(String method, String path) {
		return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	public List<Recorded> requests() {
		return List.copyOf(requests);
	}

	public List<String> violations() {
		return List.copyOf(violations);
	}

	protected void violation(String what) {
		violations.add(what);
	}

	protected String newId() {
		return Long.toString(ids.incrementAndGet());
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			URI uri = exchange.getRequestURI();
			byte[] body = exchange.getRequestBody().readAllBytes();
			String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
			Map<String, String> form = contentType.startsWith("application/x-www-form-urlencoded")
					? RequestBodies.query(new String(body, StandardCharsets.UTF_8)) : Map.of();
			Recorded r = new Recorded(exchange.getRequestMethod(), uri.getPath(), RequestBodies.query(uri.getRawQuery()),
					Map.copyOf(exchange.getRequestHeaders()), form);
			requests.add(r);
			Deque<Responder> queue = overrides.get(r.method() + " " + r.path());
			Responder override = queue == null ? null : queue.poll();
			if (r.path().equals("/favicon.ico")) {
				send(exchange, new Answer(404, Map.of(), "")); // the browser's, on a consent page
				return;
			}
			send(exchange, override != null ? override.answer(r) : behave(r));
		}
		catch (Exception e) {
			violations.add("server error: " + e);
			send(exchange, error(500, "test server: " + e, 1, null, false));
		}
	}

	/**
	 * The consent page a person sees in a real browser: a "Continue" button leading to {@code continuePath}, which
	 * sends them back to Vitrine through {@link #approve}.
	 */
	protected Answer consentPage(Recorded r, String title, String continuePath) {
		StringBuilder original = new StringBuilder(url() + r.path() + "?");
		r.query().forEach((k, v) -> original.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
		String go = url() + continuePath + "?next=" + URLEncoder.encode(original.toString(), StandardCharsets.UTF_8);
		String page = "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><main><h1>Vitrine is requesting access"
				+ "</h1><a role=\"button\" href=\"" + go.replace("&", "&amp;") + "\">Continue</a></main></body></html>";
		return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), page);
	}

	/** Where "Continue" leads: the person is sent back to Vitrine with a code. */
	protected Answer consented(Recorded r) {
		return new Answer(302, Map.of("Location", approve(r.query().get("next"))), "");
	}

	/** Checks the authorization request as the network would, and answers the callback URL with a fresh code. */
	public abstract String approve(String authorizeUrl);

	public Answer json(int status, JsonNode body) {
		return new Answer(status, Map.of("Content-Type", "application/json; charset=UTF-8"), body.toString());
	}

	/** The Graph error shape. */
	public Answer error(int status, String message, int code, Integer subcode, boolean isTransient) {
		ObjectNode error = json.createObjectNode();
		ObjectNode e = error.putObject("error").put("message", message).put("type", code == 190 ? "OAuthException" : "GraphMethodException")
			.put("code", code);
		if (subcode != null) {
			e.put("error_subcode", subcode);
		}
		e.put("is_transient", isTransient);
		e.put("fbtrace_id", "AbCdEf" + ids.incrementAndGet());
		return json(status, error);
	}

	protected void expectFields(Recorded r, String fields) {
		if (!fields.equals(r.query().get("fields"))) {
			violations.add(r.path() + ": fields " + r.query().get("fields") + ", expected " + fields);
		}
	}

	private void send(HttpExchange exchange, Answer answer) throws IOException {
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
	}
}
