package io.vitrine.bench;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.vitrine.bench.LoadTarget.answered;
import static io.vitrine.bench.LoadTarget.drop;
import static io.vitrine.bench.LoadTarget.nginx;
import static io.vitrine.bench.LoadTarget.query;
import static io.vitrine.bench.LoadTarget.reset;
import static io.vitrine.bench.LoadTarget.secondsUntil;
import static io.vitrine.bench.LoadTarget.send;
import static io.vitrine.bench.LoadTarget.sendHtml;
import static io.vitrine.bench.LoadTarget.sleep;
import java.util.regex.Pattern;

/**
 * The load target's Bluesky side, answering as the real PDS does (src/test/pds/README.md records
 * what it answers): com.atproto.repo.createRecord (a second record under an existing rkey is a
 * bare HTTP 500 and leaves the first one), repo.getRecord, server.createSession and
 * server.refreshSession, with HS256 session tokens that expire; expired and revoked tokens are
 * refused with the PDS's own 400 ExpiredToken / 401 AuthenticationRequired answers.
 */
final class PdsSide {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");

	private static final String POST_COLLECTION = "app.bsky.feed.post";

	static final Duration ACCESS_LIFETIME = Duration.ofHours(2);

	static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

	private final LoadTarget target;

	private final byte[] secret = new byte[32];

	PdsSide(LoadTarget target) {
		this.target = target;
		new SecureRandom().nextBytes(secret);
	}

	void xrpc(HttpExchange exchange, String method, String nsid) throws IOException {
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
		LoadTarget.Account account = target.account(did);
		JsonNode body = JSON.readTree(bytes);
		String rkey = body.path("rkey").asString(null);
		// A record key is unique within one repository only: the count is per DID and rkey.
		Instant reset = target.checkEarly("bluesky", account, did + "/" + rkey, arrived);
		if (rkey != null) {
			target.byKey.computeIfAbsent(did + "/" + rkey, k -> new LoadTarget.KeyCount()).requests.incrementAndGet();
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
		Faults.Kind fault = target.faults.pick(Faults.Call.POST, true);
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
	private String storeRecord(LoadTarget.Account account, String rkey, JsonNode record) {
		String json = JSON.writeValueAsString(record);
		synchronized (account) {
			if (account.records.containsKey(rkey)) {
				return null;
			}
			account.records.put(rkey, json);
		}
		target.byKey.computeIfAbsent(account.id + "/" + rkey, k -> new LoadTarget.KeyCount()).statuses.incrementAndGet();
		target.copies.computeIfAbsent(account.id + "\n" + record.path("text").asString(""), t -> new AtomicInteger()).incrementAndGet();
		return json;
	}

	private void getRecord(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		Faults.Kind fault = target.faults.pick(Faults.Call.READ, false);
		if (fault != null && blueskyFault(exchange, fault, null, null)) {
			return;
		}
		String repo = query.getOrDefault("repo", "");
		String did = repo.startsWith("did:") ? repo : target.didsByHandle.getOrDefault(repo, repo);
		String rkey = query.getOrDefault("rkey", "");
		String uri = "at://" + did + "/" + query.getOrDefault("collection", "") + "/" + rkey;
		LoadTarget.Account account = target.accounts.get(did);
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
		Faults.Kind fault = target.faults.pick(Faults.Call.SESSION, false);
		if (fault != null && blueskyFault(exchange, fault, null, null)) {
			return;
		}
		String identifier = body.path("identifier").asString("");
		String did = identifier.startsWith("did:") ? identifier : target.didsByHandle.get(identifier);
		LoadTarget.Account account = did == null ? null : target.accounts.get(did);
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
		Faults.Kind fault = target.faults.pick(Faults.Call.SESSION, false);
		if (fault != null && blueskyFault(exchange, fault, null, null)) {
			return;
		}
		LoadTarget.Account account = target.account(did);
		if (account.revoked) {
			xrpcError(exchange, 400, "ExpiredToken", "Token has been revoked");
			return;
		}
		send(exchange, 200, session(account));
	}

	private String session(LoadTarget.Account account) {
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
			.put("serviceEndpoint", target.url());
		session.put("email", account.handle + "@bench.test");
		session.put("emailConfirmed", false);
		session.put("active", true);
		return JSON.writeValueAsString(session);
	}

	/** @return true when the fault answered (or dropped) the exchange */
	private boolean blueskyFault(HttpExchange exchange, Faults.Kind fault, LoadTarget.Account account, Runnable store) throws IOException {
		target.injected.get(fault).incrementAndGet();
		switch (fault) {
			case RATE_LIMITED -> {
				// Unix seconds, as the PDS sends it; the wait is at least the window.
				Instant reset = Instant.now().plus(target.faults.rateLimitWindow()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
				blueskyRateLimited(exchange, account, reset, true);
			}
			case SERVER_ERROR -> {
				int status = target.faults.serverErrorStatus();
				if (status == 500) {
					xrpcError(exchange, 500, "InternalServerError", "Internal Server Error");
				}
				else {
					sendHtml(exchange, status, nginx(status));
				}
			}
			case CONNECTION_RESET -> reset(exchange);
			case SLOW -> {
				sleep(target.faults.slowness());
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
	private void blueskyRateLimited(HttpExchange exchange, LoadTarget.Account account, Instant reset, boolean start) throws IOException {
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

	String jwt(String type, String scope, String did, Instant expiry) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		long now = Instant.now().getEpochSecond();
		String header = b64.encodeToString(("{\"typ\":\"" + type + "\",\"alg\":\"HS256\"}").getBytes(StandardCharsets.UTF_8));
		String payload = b64.encodeToString(("{\"scope\":\"" + scope + "\",\"aud\":\"did:web:localhost\",\"sub\":\"" + did
				+ "\",\"jti\":\"" + target.ids.incrementAndGet() + "\",\"iat\":" + now + ",\"exp\":" + expiry.getEpochSecond() + "}")
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
}
