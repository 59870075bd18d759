package io.vitrine.networks.x;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

/**
 * An X API answer. Errors come in the shapes of the official description: an {@code Error}
 * ({@code code}, {@code message}), a {@code Problem} (application/problem+json: {@code type},
 * {@code title}, {@code detail}), or a 2xx whose {@code errors} array holds problems.
 */
record XAnswer(int status, JsonNode body, OutboundResponse response) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static XAnswer of(OutboundResponse response) {
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			body = null;
		}
		return new XAnswer(response.status(), body == null || body.isMissingNode() ? JSON.createObjectNode() : body, response);
	}

	boolean ok() {
		return status >= 200 && status < 300;
	}

	JsonNode data() {
		return body.path("data");
	}

	Optional<String> dataText(String field) {
		return text(data(), field);
	}

	/** X's own words for what went wrong, or the status code when it gave none. */
	String message() {
		return text(body, "detail")
			.or(() -> text(body.path("errors").path(0), "detail"))
			.or(() -> text(body.path("errors").path(0), "message"))
			.or(() -> text(body, "message"))
			.or(() -> text(body, "title"))
			.or(() -> text(body.path("errors").path(0), "title"))
			.orElse("HTTP " + status);
	}

	/** {@code x-rate-limit-reset} and its kin are epoch seconds. */
	Optional<Instant> epochHeader(String name) {
		return response.header(name).map(String::strip).filter(v -> v.matches("\\d{1,12}")).map(v -> Instant.ofEpochSecond(Long.parseLong(v)));
	}

	Optional<Integer> intHeader(String name) {
		return response.header(name).map(String::strip).filter(v -> v.matches("-?\\d{1,9}")).map(Integer::parseInt);
	}

	static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString() && !value.stringValue().isBlank()) {
			return Optional.of(value.stringValue());
		}
		return value.isNumber() ? Optional.of(value.asString()) : Optional.empty();
	}
}
