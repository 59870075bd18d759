package io.vitrine.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URLDecoder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The networks under load, on 127.0.0.1 only: one HTTP server with a Mastodon side
 * ({@link MastodonSide}) and a Bluesky PDS side ({@link PdsSide}). It holds what both share: every
 * post counted by idempotency key or record key, every copy of a text per account (two copies of
 * one target's text are a double post, whatever their keys), each account's token and rate-limit
 * state. With {@link Faults} it answers a share of requests with a fault, remembers the reset each
 * 429 announced per account, and records requests that arrive before that reset ("early").
 */
final class LoadTarget implements AutoCloseable {

	/** What the server holds for one idempotency key (Mastodon) or record key (Bluesky). */
	static final class KeyCount {

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger statuses = new AtomicInteger();

		volatile String status;
	}

	/** A request that arrived after a 429 was answered to its account and before the reset that 429 announced. */
	record Early(String network, String account, String key, Instant arrived, Instant answered, Instant reset) {
	}

	/** One Bluesky account, as the fixture stores it in Vitrine. */
	record BlueskyAccount(String did, String handle, String appPassword, String accessJwt, String refreshJwt) {
	}

	/** One account at the network: what it published, its token, its rate-limit state. Guarded by itself. */
	static final class Account {

		final String id;

		/** Mastodon: statuses in creation order (ids increase). */
		final List<Long> statusIds = new ArrayList<>();

		final Map<Long, String> statuses = new HashMap<>();

		/** Bluesky: record (JSON of its value) by rkey, and the handle / app password that sign in. */
		final Map<String, String> records = new HashMap<>();

		String handle;

		String appPassword;

		volatile boolean revoked;

		Instant resetAt;

		Instant limitAnsweredAt;

		Account(String id) {
			this.id = id;
		}
	}

	private final HttpServer server;

	final Map<String, KeyCount> byKey = new ConcurrentHashMap<>();

	final Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();

	final Map<String, Account> accounts = new ConcurrentHashMap<>();

	final Map<String, String> didsByHandle = new ConcurrentHashMap<>();

	private final Queue<Early> early = new ConcurrentLinkedQueue<>();

	final Map<Faults.Kind, AtomicLong> injected = new EnumMap<>(Faults.Kind.class);

	final AtomicLong ids = new AtomicLong(1_000_000);

	private final AtomicLong requests = new AtomicLong();

	private final Map<String, AtomicLong> byEndpoint = new ConcurrentHashMap<>();

	private final MastodonSide mastodon = new MastodonSide(this);

	private final PdsSide pds = new PdsSide(this);

	volatile Faults faults = Faults.NONE;

	LoadTarget() throws IOException {
		for (Faults.Kind kind : Faults.Kind.values()) {
			injected.put(kind, new AtomicLong());
		}
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
		Map<String, KeyCount> selected = new HashMap<>();
		byKey.forEach((key, count) -> {
			if (key.startsWith(prefix)) {
				selected.put(key, count);
			}
		});
		return selected;
	}

	/** Texts published more than once on one account: each is a double post. */
	long doubledTexts() {
		return copies.values().stream().filter(c -> c.get() > 1).count();
	}

	List<Early> early() {
		return List.copyOf(early);
	}

	Map<Faults.Kind, Long> injected() {
		Map<Faults.Kind, Long> counts = new EnumMap<>(Faults.Kind.class);
		injected.forEach((kind, count) -> counts.put(kind, count.get()));
		return counts;
	}

	long requests() {
		return requests.get();
	}

	/** Requests received by method and endpoint, e.g. "POST /xrpc/com.atproto.server.refreshSession 120". */
	String endpoints() {
		return new java.util.TreeMap<>(byEndpoint).entrySet().stream().map(e -> e.getKey() + " " + e.getValue().get())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** Accounts whose token the faults revoked. */
	long revokedAccounts() {
		return accounts.values().stream().filter(a -> a.revoked).count();
	}

	/** Everything the network holds is forgotten (a new scenario); Bluesky accounts stay registered, empty. */
	void forget() {
		byKey.clear();
		copies.clear();
		early.clear();
		injected.values().forEach(count -> count.set(0));
		requests.set(0);
		byEndpoint.clear();
		faults = Faults.NONE;
		accounts.values().forEach(account -> {
			synchronized (account) {
				account.statusIds.clear();
				account.statuses.clear();
				account.records.clear();
				account.revoked = false;
				account.resetAt = null;
				account.limitAnsweredAt = null;
			}
		});
	}

	/**
	 * Registers a Bluesky account (DID derived from {@code n}) with an app password, and gives the
	 * session a person would have after connecting it: its access token expires at
	 * {@code accessExpiry}, so a near expiry makes Vitrine refresh the session during the run.
	 */
	BlueskyAccount blueskyAccount(int n, Instant accessExpiry) {
		String did = "did:plc:" + String.format(Locale.ROOT, "bench%019d", n);
		String handle = "b" + n + ".bench.test";
		String password = String.format(Locale.ROOT, "bnch-%04d-pass-word", n % 10_000);
		Account account = accounts.computeIfAbsent(did, Account::new);
		synchronized (account) {
			account.handle = handle;
			account.appPassword = password;
		}
		didsByHandle.put(handle, did);
		return new BlueskyAccount(did, handle, password, pds.jwt("at+jwt", "com.atproto.appPass", did, accessExpiry),
				pds.jwt("refresh+jwt", "com.atproto.refresh", did, Instant.now().plus(PdsSide.REFRESH_LIFETIME)));
	}

	Account account(String id) {
		return accounts.computeIfAbsent(id, Account::new);
	}

	private void handle(HttpExchange exchange) throws IOException {
		requests.incrementAndGet();
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			String endpoint = path.startsWith("/api/v1/accounts/") && path.endsWith("/statuses") ? "/api/v1/accounts/:id/statuses" : path;
			byEndpoint.computeIfAbsent(method + " " + endpoint, e -> new AtomicLong()).incrementAndGet();
			if (path.startsWith("/xrpc/")) {
				pds.xrpc(exchange, method, path.substring("/xrpc/".length()));
			}
			else if (method.equals("POST") && path.equals("/api/v1/statuses")) {
				mastodon.postStatus(exchange);
			}
			else if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
				send(exchange, 200, mastodon.mastodonAccount(MastodonSide.accountOf(exchange)));
			}
			else if (method.equals("GET") && path.startsWith("/api/v1/accounts/") && path.endsWith("/statuses")) {
				mastodon.timeline(exchange, path.substring("/api/v1/accounts/".length(), path.length() - "/statuses".length()));
			}
			else {
				send(exchange, 404, "{\"error\":\"Record not found\"}");
			}
		}
	}

	/**
	 * The reset still running for this account, if any; a request arriving after the 429 was
	 * answered and before its reset is recorded as early.
	 */
	Instant checkEarly(String network, Account account, String key, Instant arrived) {
		synchronized (account) {
			if (account.resetAt == null || !arrived.isBefore(account.resetAt)) {
				return null;
			}
			if (account.limitAnsweredAt != null && arrived.isAfter(account.limitAnsweredAt)) {
				early.add(new Early(network, account.id, key, arrived, account.limitAnsweredAt, account.resetAt));
			}
			return account.resetAt;
		}
	}

	static void answered(Account account, boolean start) {
		if (start) {
			synchronized (account) {
				account.limitAnsweredAt = Instant.now();
			}
		}
	}

	/** A TCP reset (SO_LINGER 0, then close) on the exchange's connection; a plain close if the JDK hides the socket. */
	static void reset(HttpExchange exchange) {
		try {
			Field impl = exchange.getClass().getDeclaredField("impl");
			impl.setAccessible(true);
			Object exchangeImpl = impl.get(exchange);
			Field connection = exchangeImpl.getClass().getDeclaredField("connection");
			connection.setAccessible(true);
			Object httpConnection = connection.get(exchangeImpl);
			Field chan = httpConnection.getClass().getDeclaredField("chan");
			chan.setAccessible(true);
			SocketChannel channel = (SocketChannel) chan.get(httpConnection);
			channel.setOption(StandardSocketOptions.SO_LINGER, 0);
			channel.close();
		}
		catch (ReflectiveOperationException | RuntimeException | IOException e) {
			drop(exchange);
		}
	}

	/** Closing an exchange before any response header closes its connection: the client reads nothing. */
	static void drop(HttpExchange exchange) {
		exchange.close();
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static long secondsUntil(Instant reset) {
		long millis = Duration.between(Instant.now(), reset).toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	static String nginx(int status) {
		String reason = status == 502 ? "Bad Gateway" : "Service Temporarily Unavailable";
		return "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status + " "
				+ reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
	}

	static String html(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("\n", "<br>");
	}

	static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> values = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw == null) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
		byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
