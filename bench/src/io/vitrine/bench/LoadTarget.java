package io.vitrine.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URLDecoder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.regex.Pattern;

/**
 * The networks under load, on 127.0.0.1 only. It answers like
 * <ul>
 * <li>Mastodon: POST /api/v1/statuses (a repeated Idempotency-Key returns the status already
 * created, as Mastodon does), GET /api/v1/accounts/:id/statuses (newest first, {@code limit} and
 * {@code max_id} paging) and verify_credentials; the account is told by the bearer token
 * ("tok-" + account id);</li>
 * <li>a Bluesky PDS (src/test/pds/README.md records what the real one answers):
 * com.atproto.repo.createRecord (a second record under an existing rkey is a bare HTTP 500 and
 * leaves the first one, as on the real PDS), repo.getRecord, server.createSession and
 * server.refreshSession, with HS256 session tokens that expire; expired and revoked tokens are
 * refused with the PDS's own 400 ExpiredToken / 401 AuthenticationRequired answers.</li>
 * </ul>
 * It counts every post by idempotency key or record key, and every copy of a text per account
 * (two copies of one target's text are a double post, whatever their keys). With {@link Faults}
 * it answers a share of requests with a fault, remembers the reset each 429 announced per
 * account, and counts requests that arrive before that reset ("early").
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");

	private static final String POST_COLLECTION = "app.bsky.feed.post";

	private static final Duration ACCESS_LIFETIME = Duration.ofHours(2);

	private static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

	/** One account at the network: what it published, its token, its rate-limit state. Guarded by itself. */
	private static final class Account {

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

	private final Map<String, KeyCount> byKey = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	private final Map<String, String> didsByHandle = new ConcurrentHashMap<>();

	private final Queue<Early> early = new ConcurrentLinkedQueue<>();

	private final Map<Faults.Kind, AtomicLong> injected = new EnumMap<>(Faults.Kind.class);

	private final AtomicLong ids = new AtomicLong(1_000_000);

	private final AtomicLong requests = new AtomicLong();

	private final Map<String, AtomicLong> byEndpoint = new ConcurrentHashMap<>();

	private final byte[] secret = new byte[32];

	private volatile Faults faults = Faults.NONE;

	LoadTarget() throws IOException {
		new SecureRandom().nextBytes(secret);
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
		return new BlueskyAccount(did, handle, password, jwt("at+jwt", "com.atproto.appPass", did, accessExpiry),
				jwt("refresh+jwt", "com.atproto.refresh", did, Instant.now().plus(REFRESH_LIFETIME)));
	}

	private Account account(String id) {
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
				xrpc(exchange, method, path.substring("/xrpc/".length()));
			}
			else if (method.equals("POST") && path.equals("/api/v1/statuses")) {
				postStatus(exchange);
			}
			else if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
				send(exchange, 200, mastodonAccount(accountOf(exchange)));
			}
			else if (method.equals("GET") && path.startsWith("/api/v1/accounts/") && path.endsWith("/statuses")) {
				timeline(exchange, path.substring("/api/v1/accounts/".length(), path.length() - "/statuses".length()));
			}
			else {
				send(exchange, 404, "{\"error\":\"Record not found\"}");
			}
		}
	}

	// ---------------------------------------------------------------- Mastodon

	private void postStatus(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Instant arrived = Instant.now();
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if (key == null) {
			send(exchange, 422, "{\"error\":\"Idempotency-Key missing (the load target requires it)\"}");
			return;
		}
		String accountId = accountOf(exchange);
		if (accountId == null) {
			unauthorized(exchange, "The access token is invalid");
			return;
		}
		KeyCount count = byKey.computeIfAbsent(key, k -> new KeyCount());
		count.requests.incrementAndGet();
		Account account = account(accountId);
		if (refusedByMastodon(exchange, account, key, arrived)) {
			return;
		}
		String text = JSON.readTree(body).path("status").asString("");
		Faults.Kind fault = faults.pick(Faults.Call.POST, true);
		if (fault != null && mastodonFault(exchange, fault, account, () -> createStatus(account, key, count, text))) {
			return;
		}
		send(exchange, 200, createStatus(account, key, count, text));
	}

	private String createStatus(Account account, String key, KeyCount count, String text) {
		synchronized (count) {
			if (count.status == null) {
				long id = ids.incrementAndGet();
				count.status = status(id, account.id, text);
				count.statuses.incrementAndGet();
				copies.computeIfAbsent(account.id + "\n" + text, t -> new AtomicInteger()).incrementAndGet();
				synchronized (account) {
					account.statusIds.add(id);
					account.statuses.put(id, count.status);
				}
			}
			return count.status;
		}
	}

	private void timeline(HttpExchange exchange, String accountId) throws IOException {
		Instant arrived = Instant.now();
		String caller = accountOf(exchange);
		if (caller == null) {
			unauthorized(exchange, "The access token is invalid");
			return;
		}
		Account account = account(caller);
		if (refusedByMastodon(exchange, account, "timeline", arrived)) {
			return;
		}
		Faults.Kind fault = faults.pick(Faults.Call.READ, true);
		if (fault != null && mastodonFault(exchange, fault, account, null)) {
			return;
		}
		Map<String, String> query = query(exchange);
		int limit = Math.min(40, Integer.parseInt(query.getOrDefault("limit", "20")));
		long maxId = query.containsKey("max_id") ? Long.parseLong(query.get("max_id")) : Long.MAX_VALUE;
		List<String> page = new ArrayList<>();
		Account owner = account(accountId);
		synchronized (owner) {
			for (int i = owner.statusIds.size() - 1; i >= 0 && page.size() < limit; i--) {
				long id = owner.statusIds.get(i);
				if (id < maxId) {
					page.add(owner.statuses.get(id));
				}
			}
		}
		send(exchange, 200, "[" + String.join(",", page) + "]");
	}

	/**
	 * A revoked token or a running rate limit answers before anything else; a request arriving
	 * while a 429 the account was already given is still running is counted as early.
	 */
	private boolean refusedByMastodon(HttpExchange exchange, Account account, String key, Instant arrived) throws IOException {
		Instant reset = checkEarly("mastodon", account, key, arrived);
		if (account.revoked) {
			unauthorized(exchange, "The access token was revoked");
			return true;
		}
		if (reset != null) {
			mastodonRateLimited(exchange, account, reset, false);
			return true;
		}
		return false;
	}

	/** @return true when the fault answered (or dropped) the exchange */
	private boolean mastodonFault(HttpExchange exchange, Faults.Kind fault, Account account, Runnable store) throws IOException {
		injected.get(fault).incrementAndGet();
		switch (fault) {
			case RATE_LIMITED -> {
				Instant reset = Instant.now().plus(faults.rateLimitWindow()).truncatedTo(ChronoUnit.MICROS);
				mastodonRateLimited(exchange, account, reset, true);
			}
			case SERVER_ERROR -> {
				int status = faults.serverErrorStatus();
				if (status == 500) {
					send(exchange, 500, "{\"error\":\"We're sorry, but something went wrong on our end.\"}");
				}
				else {
					sendHtml(exchange, status, nginx(status));
				}
			}
			case CONNECTION_RESET -> reset(exchange);
			case SLOW -> {
				sleep(faults.slowness());
				return false; // then stored and answered as usual, long after Vitrine stopped waiting
			}
			case TOKEN_REVOKED -> {
				account.revoked = true;
				unauthorized(exchange, "The access token was revoked");
			}
			case RESPONSE_LOST -> {
				if (store != null) {
					store.run();
				}
				drop(exchange);
			}
		}
		return true;
	}

	/** Mastodon's rack-attack answer: X-RateLimit-* with an ISO 8601 reset, plus a standard Retry-After. */
	private void mastodonRateLimited(HttpExchange exchange, Account account, Instant reset, boolean start) throws IOException {
		if (start) {
			synchronized (account) {
				account.resetAt = reset;
				account.limitAnsweredAt = null;
			}
		}
		var headers = exchange.getResponseHeaders();
		headers.set("X-RateLimit-Limit", "300");
		headers.set("X-RateLimit-Remaining", "0");
		headers.set("X-RateLimit-Reset", reset.toString());
		headers.set("Retry-After", Long.toString(secondsUntil(reset)));
		send(exchange, 429, "{\"error\":\"Too many requests\"}");
		answered(account, start);
	}

	private void unauthorized(HttpExchange exchange, String why) throws IOException {
		exchange.getResponseHeaders().set("WWW-Authenticate",
				"Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"" + why + "\"");
		send(exchange, 401, "{\"error\":\"" + why + "\"}");
	}

	private static String accountOf(HttpExchange exchange) {
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		return auth != null && auth.startsWith("Bearer tok-") ? auth.substring("Bearer tok-".length()) : null;
	}

	private String status(long id, String account, String text) {
		String url = url() + "/@" + account + "/" + id;
		ObjectNode status = JSON.createObjectNode();
		status.put("id", Long.toString(id));
		status.put("uri", url);
		status.put("url", url);
		status.put("created_at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		status.put("content", "<p>" + html(text) + "</p>");
		status.put("visibility", "public");
		status.set("account", JSON.readTree(mastodonAccount(account)));
		status.putArray("media_attachments");
		status.putArray("mentions");
		status.putArray("tags");
		status.putArray("emojis");
		return JSON.writeValueAsString(status);
	}

	private String mastodonAccount(String account) {
		String name = account == null ? "anonymous" : account;
		return "{\"id\":\"" + name + "\",\"username\":\"" + name + "\",\"acct\":\"" + name
				+ "\",\"display_name\":\"Bench\",\"url\":\"" + url() + "/@" + name + "\",\"locked\":false,\"bot\":false,"
				+ "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"note\":\"\",\"avatar\":\"\",\"header\":\"\","
				+ "\"followers_count\":0,\"following_count\":0,\"statuses_count\":0}";
	}

	// ---------------------------------------------------------------- Bluesky

	private void xrpc(HttpExchange exchange, String method, String nsid) throws IOException {
		switch (method + " " + nsid) {
			case "POST com.atproto.repo.createRecord" -> createRecord(exchange);
			case "GET com.atproto.repo.getRecord" -> getRecord(exchange);
			case "POST com.atproto.server.createSession" -> createSession(exchange);
			case "POST com.atproto.server.refreshSession" -> refreshSession(exchange);
			default -> xrpcError(exchange, 501, "MethodNotImplemented", "Method Not Implemented");
		}
	}

	private void createRecord(HttpExchange exchange) throws IOException {
		byte[] bytes = exchange.getRequestBody().readAllBytes();
		Instant arrived = Instant.now();
		String did = verified(exchange, "at+jwt");
		if (did == null) {
			return;
		}
		Account account = account(did);
		JsonNode body = JSON.readTree(bytes);
		String rkey = body.path("rkey").asString(null);
		Instant reset = checkEarly("bluesky", account, rkey, arrived);
		if (rkey != null) {
			byKey.computeIfAbsent(rkey, k -> new KeyCount()).requests.incrementAndGet();
		}
		if (account.revoked) {
			xrpcError(exchange, 400, "ExpiredToken", "Token has been revoked");
			return;
		}
		if (reset != null) {
			blueskyRateLimited(exchange, account, reset, false);
			return;
		}
		if (!POST_COLLECTION.equals(body.path("collection").asString(""))) {
			xrpcError(exchange, 400, "InvalidRequest", "The load target only takes " + POST_COLLECTION);
			return;
		}
		if (rkey == null || !TID.matcher(rkey).matches()) {
			xrpcError(exchange, 400, "InvalidRequest", "Invalid record key for app.bsky.feed.post: Invalid TID string (got \""
					+ rkey + "\") at $");
			return;
		}
		JsonNode record = body.path("record");
		Faults.Kind fault = faults.pick(Faults.Call.POST, true);
		if (fault != null && blueskyFault(exchange, fault, account, () -> storeRecord(account, rkey, record))) {
			return;
		}
		String stored = storeRecord(account, rkey, record);
		if (stored == null) {
			// The real PDS: "There is already a value at key", thrown by its Merkle Search Tree, answered as a bare 500.
			xrpcError(exchange, 500, "InternalServerError", "Internal Server Error");
			return;
		}
		ObjectNode answer = JSON.createObjectNode();
		answer.put("uri", "at://" + did + "/" + POST_COLLECTION + "/" + rkey);
		answer.put("cid", cid(stored));
		answer.putObject("commit").put("cid", cid(stored + rkey)).put("rev", rkey);
		answer.put("validationStatus", "valid");
		send(exchange, 200, JSON.writeValueAsString(answer));
	}

	/** @return the stored record, or null when the rkey already holds one (the repository is unchanged) */
	private String storeRecord(Account account, String rkey, JsonNode record) {
		String json = JSON.writeValueAsString(record);
		synchronized (account) {
			if (account.records.containsKey(rkey)) {
				return null;
			}
			account.records.put(rkey, json);
		}
		byKey.computeIfAbsent(rkey, k -> new KeyCount()).statuses.incrementAndGet();
		copies.computeIfAbsent(account.id + "\n" + record.path("text").asString(""), t -> new AtomicInteger()).incrementAndGet();
		return json;
	}

	private void getRecord(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		Faults.Kind fault = faults.pick(Faults.Call.READ, false);
		if (fault != null && blueskyFault(exchange, fault, null, null)) {
			return;
		}
		String repo = query.getOrDefault("repo", "");
		String did = repo.startsWith("did:") ? repo : didsByHandle.getOrDefault(repo, repo);
		String rkey = query.getOrDefault("rkey", "");
		String uri = "at://" + did + "/" + query.getOrDefault("collection", "") + "/" + rkey;
		Account account = accounts.get(did);
		String record = null;
		if (account != null && POST_COLLECTION.equals(query.get("collection"))) {
			synchronized (account) {
				record = account.records.get(rkey);
			}
		}
		if (record == null) {
			xrpcError(exchange, 400, "RecordNotFound", "Could not locate record: " + uri);
			return;
		}
		ObjectNode answer = JSON.createObjectNode();
		answer.put("uri", uri);
		answer.put("cid", cid(record));
		answer.set("value", JSON.readTree(record));
		send(exchange, 200, JSON.writeValueAsString(answer));
	}

	private void createSession(HttpExchange exchange) throws IOException {
		JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
		Faults.Kind fault = faults.pick(Faults.Call.SESSION, false);
		if (fault != null && blueskyFault(exchange, fault, null, null)) {
			return;
		}
		String identifier = body.path("identifier").asString("");
		String did = identifier.startsWith("did:") ? identifier : didsByHandle.get(identifier);
		Account account = did == null ? null : accounts.get(did);
		boolean ok = false;
		if (account != null) {
			synchronized (account) {
				ok = !account.revoked && account.appPassword != null && account.appPassword.equals(body.path("password").asString(""));
			}
		}
		if (!ok) {
			xrpcError(exchange, 401, "AuthenticationRequired", "Invalid identifier or password");
			return;
		}
		send(exchange, 200, session(account));
	}

	private void refreshSession(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String did = verified(exchange, "refresh+jwt");
		if (did == null) {
			return;
		}
		Faults.Kind fault = faults.pick(Faults.Call.SESSION, false);
		if (fault != null && blueskyFault(exchange, fault, null, null)) {
			return;
		}
		Account account = account(did);
		if (account.revoked) {
			xrpcError(exchange, 400, "ExpiredToken", "Token has been revoked");
			return;
		}
		send(exchange, 200, session(account));
	}

	private String session(Account account) {
		ObjectNode session = JSON.createObjectNode();
		Instant now = Instant.now();
		session.put("accessJwt", jwt("at+jwt", "com.atproto.appPass", account.id, now.plus(ACCESS_LIFETIME)));
		session.put("refreshJwt", jwt("refresh+jwt", "com.atproto.refresh", account.id, now.plus(REFRESH_LIFETIME)));
		session.put("did", account.id);
		session.put("handle", account.handle);
		ObjectNode didDoc = session.putObject("didDoc");
		didDoc.put("id", account.id);
		didDoc.putArray("alsoKnownAs").add("at://" + account.handle);
		didDoc.putArray("service").addObject().put("id", "#atproto_pds").put("type", "AtprotoPersonalDataServer")
			.put("serviceEndpoint", url());
		session.put("email", account.handle + "@bench.test");
		session.put("emailConfirmed", false);
		session.put("active", true);
		return JSON.writeValueAsString(session);
	}

	/** @return true when the fault answered (or dropped) the exchange */
	private boolean blueskyFault(HttpExchange exchange, Faults.Kind fault, Account account, Runnable store) throws IOException {
		injected.get(fault).incrementAndGet();
		switch (fault) {
			case RATE_LIMITED -> {
				// Unix seconds, as the PDS sends it; the wait is at least the window.
				Instant reset = Instant.now().plus(faults.rateLimitWindow()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
				blueskyRateLimited(exchange, account, reset, true);
			}
			case SERVER_ERROR -> {
				int status = faults.serverErrorStatus();
				if (status == 500) {
					xrpcError(exchange, 500, "InternalServerError", "Internal Server Error");
				}
				else {
					sendHtml(exchange, status, nginx(status));
				}
			}
			case CONNECTION_RESET -> reset(exchange);
			case SLOW -> {
				sleep(faults.slowness());
				return false; // then stored and answered as usual, long after Vitrine stopped waiting
			}
			case TOKEN_REVOKED -> {
				account.revoked = true;
				xrpcError(exchange, 400, "ExpiredToken", "Token has been revoked");
			}
			case RESPONSE_LOST -> {
				if (store != null) {
					store.run();
				}
				drop(exchange);
			}
		}
		return true;
	}

	/** The PDS's 429: RateLimit-* headers (reset in Unix seconds) and Retry-After. */
	private void blueskyRateLimited(HttpExchange exchange, Account account, Instant reset, boolean start) throws IOException {
		if (start) {
			synchronized (account) {
				account.resetAt = reset;
				account.limitAnsweredAt = null;
			}
		}
		var headers = exchange.getResponseHeaders();
		headers.set("RateLimit-Limit", "5000");
		headers.set("RateLimit-Remaining", "0");
		headers.set("RateLimit-Reset", Long.toString(reset.getEpochSecond()));
		headers.set("RateLimit-Policy", "5000;w=3600");
		headers.set("Retry-After", Long.toString(secondsUntil(reset)));
		send(exchange, 429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}");
		answered(account, start);
	}

	/** The DID of a valid token of the given type, or null after answering as the PDS does. */
	private String verified(HttpExchange exchange, String type) throws IOException {
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		if (auth == null) {
			xrpcError(exchange, 401, "AuthMissing", "Authentication Required");
			return null;
		}
		if (!auth.startsWith("Bearer ")) {
			xrpcError(exchange, 400, "InvalidToken", "Unexpected authorization type");
			return null;
		}
		String[] parts = auth.substring("Bearer ".length()).split("\\.");
		if (parts.length != 3 || !parts[2].equals(sign(parts[0] + "." + parts[1]))) {
			xrpcError(exchange, 400, "InvalidToken", "Token could not be verified");
			return null;
		}
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		if (!type.equals(header.path("typ").asString(""))) {
			xrpcError(exchange, 400, "InvalidToken", "Token could not be verified");
			return null;
		}
		if (claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
			xrpcError(exchange, 400, "ExpiredToken", "Token has expired");
			return null;
		}
		return claims.path("sub").asString();
	}

	private String jwt(String type, String scope, String did, Instant expiry) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		long now = Instant.now().getEpochSecond();
		String header = b64.encodeToString(("{\"typ\":\"" + type + "\",\"alg\":\"HS256\"}").getBytes(StandardCharsets.UTF_8));
		String payload = b64.encodeToString(("{\"scope\":\"" + scope + "\",\"aud\":\"did:web:localhost\",\"sub\":\"" + did
				+ "\",\"jti\":\"" + ids.incrementAndGet() + "\",\"iat\":" + now + ",\"exp\":" + expiry.getEpochSecond() + "}")
			.getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + "." + sign(header + "." + payload);
	}

	private String sign(String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A content hash in the shape of a CID (bafyrei… base32); the same record always gets the same one, as on the PDS. */
	private static String cid(String content) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			StringBuilder out = new StringBuilder("bafyrei");
			String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
			for (int i = 0; i < 52; i++) {
				out.append(alphabet.charAt((hash[i % hash.length] & 0xff) % 32));
			}
			return out.toString();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void xrpcError(HttpExchange exchange, int status, String error, String message) throws IOException {
		ObjectNode body = JSON.createObjectNode().put("error", error).put("message", message);
		send(exchange, status, JSON.writeValueAsString(body));
	}

	// ---------------------------------------------------------------- shared

	/**
	 * The reset still running for this account, if any; a request arriving after the 429 was
	 * answered and before its reset is recorded as early.
	 */
	private Instant checkEarly(String network, Account account, String key, Instant arrived) {
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

	private static void answered(Account account, boolean start) {
		if (start) {
			synchronized (account) {
				account.limitAnsweredAt = Instant.now();
			}
		}
	}

	/** A TCP reset (SO_LINGER 0, then close) on the exchange's connection; a plain close if the JDK hides the socket. */
	private static void reset(HttpExchange exchange) {
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
	private static void drop(HttpExchange exchange) {
		exchange.close();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static long secondsUntil(Instant reset) {
		long millis = Duration.between(Instant.now(), reset).toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	private static String nginx(int status) {
		String reason = status == 502 ? "Bad Gateway" : "Service Temporarily Unavailable";
		return "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status + " "
				+ reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("\n", "<br>");
	}

	private static Map<String, String> query(HttpExchange exchange) {
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

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
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
