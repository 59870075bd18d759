package io.vitrine.bench;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.vitrine.bench.LoadTarget.answered;
import static io.vitrine.bench.LoadTarget.drop;
import static io.vitrine.bench.LoadTarget.html;
import static io.vitrine.bench.LoadTarget.nginx;
import static io.vitrine.bench.LoadTarget.query;
import static io.vitrine.bench.LoadTarget.reset;
import static io.vitrine.bench.LoadTarget.secondsUntil;
import static io.vitrine.bench.LoadTarget.send;
import static io.vitrine.bench.LoadTarget.sendHtml;
import static io.vitrine.bench.LoadTarget.sleep;

/**
 * The load target's Mastodon side: POST /api/v1/statuses (a repeated Idempotency-Key returns the
 * status already created, as Mastodon does), GET /api/v1/accounts/:id/statuses (newest first,
 * {@code limit} and {@code max_id} paging) and verify_credentials. The account is told by the
 * bearer token ("tok-" + account id). Faults answer as Mastodon and the nginx in front of it do.
 */
final class MastodonSide {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LoadTarget target;

	MastodonSide(LoadTarget target) {
		this.target = target;
	}

	void postStatus(HttpExchange exchange) throws IOException {
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
		LoadTarget.KeyCount count = target.byKey.computeIfAbsent(key, k -> new LoadTarget.KeyCount());
		count.requests.incrementAndGet();
		LoadTarget.Account account = target.account(accountId);
		if (refusedByMastodon(exchange, account, key, arrived)) {
			return;
		}
		String text = JSON.readTree(body).path("status").asString("");
		Faults.Kind fault = target.faults.pick(Faults.Call.POST, true);
		if (fault != null && mastodonFault(exchange, fault, account, () -> createStatus(account, key, count, text))) {
			return;
		}
		send(exchange, 200, createStatus(account, key, count, text));
	}

	private String createStatus(LoadTarget.Account account, String key, LoadTarget.KeyCount count, String text) {
		synchronized (count) {
			if (count.status == null) {
				long id = target.ids.incrementAndGet();
				count.status = status(id, account.id, text);
				count.statuses.incrementAndGet();
				target.copies.computeIfAbsent(account.id + "\n" + text, t -> new AtomicInteger()).incrementAndGet();
				synchronized (account) {
					account.statusIds.add(id);
					account.statuses.put(id, count.status);
				}
			}
			return count.status;
		}
	}

	void timeline(HttpExchange exchange, String accountId) throws IOException {
		Instant arrived = Instant.now();
		String caller = accountOf(exchange);
		if (caller == null) {
			unauthorized(exchange, "The access token is invalid");
			return;
		}
		LoadTarget.Account account = target.account(caller);
		if (refusedByMastodon(exchange, account, "timeline", arrived)) {
			return;
		}
		Faults.Kind fault = target.faults.pick(Faults.Call.READ, true);
		if (fault != null && mastodonFault(exchange, fault, account, null)) {
			return;
		}
		Map<String, String> query = query(exchange);
		int limit = Math.min(40, Integer.parseInt(query.getOrDefault("limit", "20")));
		long maxId = query.containsKey("max_id") ? Long.parseLong(query.get("max_id")) : Long.MAX_VALUE;
		List<String> page = new ArrayList<>();
		LoadTarget.Account owner = target.account(accountId);
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
	private boolean refusedByMastodon(HttpExchange exchange, LoadTarget.Account account, String key, Instant arrived) throws IOException {
		Instant reset = target.checkEarly("mastodon", account, key, arrived);
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
	private boolean mastodonFault(HttpExchange exchange, Faults.Kind fault, LoadTarget.Account account, Runnable store) throws IOException {
		target.injected.get(fault).incrementAndGet();
		switch (fault) {
			case RATE_LIMITED -> {
				Instant reset = Instant.now().plus(target.faults.rateLimitWindow()).truncatedTo(ChronoUnit.MICROS);
				mastodonRateLimited(exchange, account, reset, true);
			}
			case SERVER_ERROR -> {
				int status = target.faults.serverErrorStatus();
				if (status == 500) {
					send(exchange, 500, "{\"error\":\"We're sorry, but something went wrong on our end.\"}");
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
	private void mastodonRateLimited(HttpExchange exchange, LoadTarget.Account account, Instant reset, boolean start) throws IOException {
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

	static String accountOf(HttpExchange exchange) {
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		return auth != null && auth.startsWith("Bearer tok-") ? auth.substring("Bearer tok-".length()) : null;
	}

	private String status(long id, String account, String text) {
		String url = target.url() + "/@" + account + "/" + id;
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

	String mastodonAccount(String account) {
		String name = account == null ? "anonymous" : account;
		return "{\"id\":\"" + name + "\",\"username\":\"" + name + "\",\"acct\":\"" + name
				+ "\",\"display_name\":\"Bench\",\"url\":\"" + target.url() + "/@" + name + "\",\"locked\":false,\"bot\":false,"
				+ "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"note\":\"\",\"avatar\":\"\",\"header\":\"\","
				+ "\"followers_count\":0,\"following_count\":0,\"statuses_count\":0}";
	}
}
