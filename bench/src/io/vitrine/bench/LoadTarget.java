package io.vitrine.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network under load: answers like Mastodon's POST /api/v1/statuses (a repeated Idempotency-Key
 * returns the status already created, as Mastodon does) and GET /api/v1/accounts/:id/statuses, on
 * 127.0.0.1 only, and counts every post by idempotency key. The account is told by the bearer token
 * ("tok-" + remote account id), so reconciliation reads the right timeline.
 */
final class LoadTarget implements AutoCloseable {

	/** What the server holds for one idempotency key. */
	static final class KeyCount {

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger statuses = new AtomicInteger();

		volatile String status;
	}

	private static final int TIMELINE = 40;

	private final HttpServer server;

	private final Map<String, KeyCount> byKey = new ConcurrentHashMap<>();

	private final Map<String, Deque<String>> timelines = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(1_000_000);

	private volatile Faults faults = Faults.NONE;

	LoadTarget() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void faults(Faults faults) {
		this.faults = faults;
	}

	/** Counts of the keys starting with the prefix (one scenario's posts). */
	Map<String, KeyCount> keys(String prefix) {
		Map<String, KeyCount> selected = new java.util.HashMap<>();
		byKey.forEach((key, count) -> {
			if (key.startsWith(prefix)) {
				selected.put(key, count);
			}
		});
		return selected;
	}

	void forget() {
		byKey.clear();
		timelines.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (method.equals("POST") && path.equals("/api/v1/statuses")) {
				postStatus(exchange);
			}
			else if (method.equals("GET") && path.startsWith("/api/v1/accounts/") && path.endsWith("/statuses")) {
				String account = path.substring("/api/v1/accounts/".length(), path.length() - "/statuses".length());
				Deque<String> timeline = timelines.getOrDefault(account, new ArrayDeque<>());
				List<String> recent;
				synchronized (timeline) {
					recent = new ArrayList<>(timeline);
				}
				send(exchange, 200, "[" + String.join(",", recent) + "]");
			}
			else if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
				send(exchange, 200, account(accountOf(exchange)));
			}
			else {
				send(exchange, 404, "{\"error\":\"Record not found\"}");
			}
		}
	}

	private void postStatus(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if (key == null) {
			send(exchange, 422, "{\"error\":\"Idempotency-Key missing (the load target requires it)\"}");
			return;
		}
		if (faults.inject(exchange, key)) {
			return;
		}
		String account = accountOf(exchange);
		KeyCount count = byKey.computeIfAbsent(key, k -> new KeyCount());
		count.requests.incrementAndGet();
		String status;
		synchronized (count) {
			if (count.status == null) {
				count.status = status(ids.incrementAndGet(), account);
				count.statuses.incrementAndGet();
				Deque<String> timeline = timelines.computeIfAbsent(account, a -> new ArrayDeque<>());
				synchronized (timeline) {
					timeline.addFirst(count.status);
					if (timeline.size() > TIMELINE) {
						timeline.removeLast();
					}
				}
			}
			status = count.status;
		}
		send(exchange, 200, status);
	}

	private static String accountOf(HttpExchange exchange) {
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		return auth != null && auth.startsWith("Bearer tok-") ? auth.substring("Bearer tok-".length()) : "anonymous";
	}

	private String status(long id, String account) {
		String url = url() + "/@" + account + "/" + id;
		return "{\"id\":\"" + id + "\",\"uri\":\"" + url + "\",\"url\":\"" + url + "\",\"created_at\":\"" + Instant.now()
				+ "\",\"content\":\"<p>bench</p>\",\"visibility\":\"public\",\"account\":" + account(account)
				+ ",\"media_attachments\":[],\"mentions\":[],\"tags\":[],\"emojis\":[]}";
	}

	private String account(String account) {
		return "{\"id\":\"" + account + "\",\"username\":\"" + account + "\",\"acct\":\"" + account
				+ "\",\"display_name\":\"Bench\",\"url\":\"" + url() + "/@" + account + "\",\"locked\":false,\"bot\":false,"
				+ "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"note\":\"\",\"avatar\":\"\",\"header\":\"\","
				+ "\"followers_count\":0,\"following_count\":0,\"statuses_count\":0}";
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
