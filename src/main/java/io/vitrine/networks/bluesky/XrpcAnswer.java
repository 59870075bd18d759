package io.vitrine.networks.bluesky;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A complete answer to an XRPC call. Errors carry a name ({@code error}) and a sentence
 * ({@code message}); the name is what tells an expired token from a refused record, since the
 * PDS answers both with HTTP 400.
 */
record XrpcAnswer(int status, JsonNode body, OutboundResponse response) {

	private static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

	static XrpcAnswer of(OutboundResponse response) {
		JsonNode body;
		try {
			body = response.body().length == 0 ? MissingNode.getInstance() : JsonMapper.shared().readTree(response.body());
		}
		catch (RuntimeException notJson) {
			// A proxy's HTML error page, say: the status still tells what happened.
			body = MissingNode.getInstance();
		}
		return new XrpcAnswer(response.status(), body, response);
	}

	boolean ok() {
		return status >= 200 && status < 300;
	}

	String error() {
		return text(body, "error");
	}

	String message() {
		String message = text(body, "message");
		String error = error();
		if (message != null && !message.isBlank()) {
			return message;
		}
		return error != null ? error : "HTTP " + status;
	}

	/** The token was not accepted (expired, revoked, unreadable): a new session may fix it. */
	boolean tokenRejected() {
		return status == 401 || (status == 400 && ("ExpiredToken".equals(error()) || "InvalidToken".equals(error())));
	}

	boolean serverError() {
		return status >= 500;
	}

	/** When a 429 says we may try again: RateLimit-Reset (Unix seconds), else Retry-After, else a minute. */
	Instant retryAt(Clock clock) {
		Instant now = clock.instant();
		Optional<Instant> reset = response.header("RateLimit-Reset").flatMap(XrpcAnswer::seconds).map(Instant::ofEpochSecond);
		if (reset.isPresent() && reset.get().isAfter(now)) {
			return reset.get();
		}
		return response.retryAfter(now).orElse(now.plus(DEFAULT_WAIT));
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}


	private static Optional<Long> seconds(String value) {
		try {
			return Optional.of(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
