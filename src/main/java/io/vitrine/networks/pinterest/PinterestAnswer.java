package io.vitrine.networks.pinterest;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A Pinterest API answer. Errors carry the description's {@code Error} shape (components.schemas.Error and
 * Pinterest.Lib.Error: {@code {"code": 2, "message": "..."}}), whatever the status.
 */
record PinterestAnswer(int status, JsonNode body, OutboundResponse response) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static PinterestAnswer of(OutboundResponse response) {
		JsonNode body;
		try {
			body = response.body().length == 0 ? null : JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			body = null;
		}
		return new PinterestAnswer(response.status(), body == null || body.isMissingNode() ? JSON.createObjectNode() : body,
				response);
	}

	boolean ok() {
		return status >= 200 && status < 300;
	}

	/** Pinterest's own words for what went wrong, or the status code when it gave none. */
	String message() {
		String message = text(body, "message").orElse("HTTP " + status);
		return body.path("code").isNumber() ? message + " (code " + body.path("code").asInt() + ")" : message;
	}

	/**
	 * When a refused request may be made again: Retry-After when Pinterest sends it, else the
	 * {@code x-ratelimit-reset} seconds of the window, else {@code fallback} (the categories of
	 * https://developers.pinterest.com/docs/reference/rate-limits/ are counted per minute).
	 */
	Instant retryAt(Instant now, Duration fallback) {
		return response.retryAfter(now)
			.or(() -> seconds("x-ratelimit-reset").map(now::plusSeconds))
			.orElse(now.plus(fallback));
	}

	Optional<Long> seconds(String header) {
		return response.header(header).map(String::strip).filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong);
	}

	static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.stringValue().isBlank() ? Optional.of(value.stringValue()) : Optional.empty();
	}
}
