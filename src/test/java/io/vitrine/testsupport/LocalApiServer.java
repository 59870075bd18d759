package io.vitrine.testsupport;

import io.vitrine.testsupport.RequestBodies.Part;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A network's API on 127.0.0.1, on a free port: what every local contract server shares. It records
 * every request (method, path, query, headers, body read as JSON, multipart or form), hands it with
 * the canned answer queued for it (if any) to the network's own {@link Handler}, and sends the
 * answer. The handler decides where canned answers apply, so a server can still check the request
 * against its contract before answering with a canned one.
 */
public final class LocalApiServer implements AutoCloseable {

	/** One request as the server saw it. */
	public record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers, byte[] body,
			JsonNode json, Map<String, Part> parts, Map<String, String> form) {

		/** The first value of a header, whatever its case; null when absent. */
		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}

		/** The bearer token of the Authorization header; null when there is none. */
		public String bearer() {
			String authorization = header("Authorization");
			return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
		}

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		public String route() {
			return method + " " + path;
		}
	}

	/** One answer: status, headers and a text body (empty for none). */
	public record Answer(int status, Map<String, String> headers, String body) {

		public static Answer json(int status, JsonNode body) {
			return new Answer(status, Map.of("Content-Type", "application/json; charset=utf-8"), body.toString());
		}

		public static Answer problem(int status, JsonNode body) {
			return new Answer(status, Map.of("Content-Type", "application/problem+json"), body.toString());
		}

		public static Answer empty(int status) {
			return new Answer(status, Map.of(), "");
		}

		public static Answer html(String page) {
			return new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), page);
		}

		public static Answer redirect(String location) {
			return new Answer(302, Map.of("Location", location), "");
		}

		public Answer with(String header, String value) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put(header, value);
			return new Answer(status, all, body);
		}
	}

	/** Answers one request instead of the server's own behaviour. */
	@FunctionalInterface
	public interface Responder {

		Answer answer(Request request) throws Exception;
	}

	/** The network's behaviour: each request, with the canned answer queued for its method and path, if any. */
	@FunctionalInterface
	public interface Handler {

		Answer handle(Request request, Optional<Responder> canned) throws Exception;
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Handler handler;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Responder>> canned = new ConcurrentHashMap<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private LocalApiServer(Handler handler) {
		this.handler = handler;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.createContext("/", this::exchange);
		server.setExecutor(executor);
		server.start();
	}

	/** Starts a server on a free loopback port. */
	public static LocalApiServer start(Handler handler) {
		return new LocalApiServer(handler);
	}

	/** {@code http://127.0.0.1:port}, without a trailing slash. */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Queues an answer for the next request with this method and path (answers queue in order). */
	public void respondOnce(String method, String path, Responder responder) {
		canned.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(responder);
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	public List<Request> requests(String method, String path) {
		return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	/** What did not fit the contract, as the handler reported it, plus anything the handler threw. */
	public List<String> violations() {
		return List.copyOf(violations);
	}

	/** Notes a request or answer that does not fit the contract. */
	public void report(String problem) {
		violations.add(problem);
	}

	public void reportAll(java.util.Collection<String> problems) {
		violations.addAll(problems);
	}

	/** Forgets recorded requests, violations and queued answers (the network's own state is the handler's). */
	public void reset() {
		requests.clear();
		violations.clear();
		canned.clear();
	}

	/**
	 * Holds the answer longer than any client timeout (until the server closes): the request
	 * arrived, its answer is lost. Returns what to send once released.
	 */
	public Answer hang(Answer afterwards) throws InterruptedException {
		release.await(30, TimeUnit.SECONDS);
		return afterwards;
	}

	private void exchange(HttpExchange exchange) throws IOException {
		Answer answer;
		try {
			Request request = read(exchange);
			requests.add(request);
			Deque<Responder> queue = canned.get(request.route());
			answer = handler.handle(request, Optional.ofNullable(queue == null ? null : queue.poll()));
		}
		catch (Exception e) {
			violations.add("server error: " + e);
			answer = Answer.json(500, JSON.createObjectNode().put("error", "test server: " + e));
		}
		send(exchange, answer);
	}

	private static Request read(HttpExchange exchange) throws IOException {
		URI uri = exchange.getRequestURI();
		byte[] body = exchange.getRequestBody().readAllBytes();
		String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
		JsonNode json = contentType.startsWith("application/json") && body.length > 0 ? JSON.readTree(body) : null;
		Map<String, Part> parts = contentType.startsWith("multipart/form-data") ? RequestBodies.multipart(contentType, body) : Map.of();
		Map<String, String> form = contentType.startsWith("application/x-www-form-urlencoded")
				? RequestBodies.query(new String(body, StandardCharsets.UTF_8)) : Map.of();
		return new Request(exchange.getRequestMethod(), uri.getPath(), RequestBodies.query(uri.getRawQuery()),
				Map.copyOf(exchange.getRequestHeaders()), body, json, parts, form);
	}

	private static void send(HttpExchange exchange, Answer answer) throws IOException {
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
		executor.shutdownNow();
	}
}
