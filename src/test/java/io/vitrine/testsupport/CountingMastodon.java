package io.vitrine.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mastodon instance reduced to what publishing touches, answering in the shapes of the official
 * API description, and counting every status it stores. Like Mastodon, a repeated Idempotency-Key
 * returns the status already created instead of a new one; {@link #statusesCreated()} counts
 * statuses, {@link #requestsFor(String)} counts requests.
 */
public final class CountingMastodon implements AutoCloseable {

	private static final Pattern FORM_STATUS = Pattern.compile("(?:^|&)status=([^&]*)");

	private static final Pattern JSON_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final HttpServer server;

	private final Map<String, String> statusByKey = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> requestsByKey = new ConcurrentHashMap<>();

	private final ConcurrentLinkedDeque<String> timeline = new ConcurrentLinkedDeque<>();

	private final AtomicLong ids = new AtomicLong(100_000);

	private final AtomicInteger created = new AtomicInteger();

	private volatile long delayMillis;

	public CountingMastodon() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void delay(long millis) {
		this.delayMillis = millis;
	}

	public int statusesCreated() {
		return created.get();
	}

	public Map<String, String> statusesByKey() {
		return Map.copyOf(statusByKey);
	}

	public int requestsFor(String key) {
		AtomicInteger count = requestsByKey.get(key);
		return count == null ? 0 : count.get();
	}

	public int statusRequests() {
		return requestsByKey.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (method.equals("POST") && path.equals("/api/v1/statuses")) {
				postStatus(exchange);
			}
			else if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
				send(exchange, 200, account());
			}
			else if (method.equals("GET") && path.equals("/api/v2/instance")) {
				send(exchange, 200, """
						{"domain":"127.0.0.1","title":"Counting","version":"4.5.0","configuration":{
						"urls":{"streaming":"ws://127.0.0.1"},
						"statuses":{"max_characters":500,"max_media_attachments":4,"characters_reserved_per_url":23},
						"media_attachments":{"supported_mime_types":["image/png","image/jpeg"],"image_size_limit":16777216,
						"description_limit":1500}}}""");
			}
			else if (method.equals("GET") && path.matches("/api/v1/accounts/[^/]+/statuses")) {
				List<String> recent = new ArrayList<>(timeline).reversed();
				send(exchange, 200, "[" + String.join(",", recent.subList(0, Math.min(40, recent.size()))) + "]");
			}
			else {
				send(exchange, 404, "{\"error\":\"Record not found\"}");
			}
		}
	}

	private void postStatus(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if (key == null) {
			send(exchange, 422, "{\"error\":\"Idempotency-Key missing (test server requires it)\"}");
			return;
		}
		requestsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
		String text = statusText(body);
		pause();
		String status = statusByKey.computeIfAbsent(key, k -> {
			created.incrementAndGet();
			String json = status(ids.incrementAndGet(), text);
			timeline.add(json);
			return json;
		});
		send(exchange, 200, status);
	}

	private String status(long id, String text) {
		String url = url() + "/@bench/" + id;
		return "{\"id\":\"" + id + "\",\"uri\":\"" + url + "\",\"url\":\"" + url + "\",\"created_at\":\"" + Instant.now()
				+ "\",\"content\":\"<p>" + escape(text) + "</p>\",\"visibility\":\"public\",\"account\":" + account()
				+ ",\"media_attachments\":[],\"mentions\":[],\"tags\":[],\"emojis\":[]}";
	}

	private String account() {
		return "{\"id\":\"1\",\"username\":\"bench\",\"acct\":\"bench\",\"display_name\":\"Bench\",\"url\":\"" + url()
				+ "/@bench\",\"locked\":false,\"bot\":false,\"created_at\":\"2026-01-01T00:00:00.000Z\",\"note\":\"\","
				+ "\"avatar\":\"\",\"header\":\"\",\"followers_count\":0,\"following_count\":0,\"statuses_count\":0}";
	}

	private static String statusText(String body) {
		Matcher json = JSON_STATUS.matcher(body);
		if (json.find()) {
			return json.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
		}
		Matcher form = FORM_STATUS.matcher(body);
		return form.find() ? URLDecoder.decode(form.group(1), StandardCharsets.UTF_8) : "";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("\n", "<br>");
	}

	private void pause() {
		if (delayMillis > 0) {
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
