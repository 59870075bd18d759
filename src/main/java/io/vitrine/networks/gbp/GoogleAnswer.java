package io.vitrine.networks.gbp;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * A Google API answer. Errors are Google's error model (https://cloud.google.com/apis/design/errors#http_mapping):
 * {@code {"error": {"code": 429, "message": "...", "status": "RESOURCE_EXHAUSTED", "details": [...]}}}.
 */
record GoogleAnswer(int status, JsonNode body, OutboundResponse response) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static GoogleAnswer of(OutboundResponse response) {
		JsonNode body;
		try {
			body = response.body().length == 0 ? null : JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			body = null;
		}
		return new GoogleAnswer(response.status(), body == null || body.isMissingNode() ? JSON.createObjectNode() : body,
				response);
	}

	boolean ok() {
		return status >= 200 && status < 300;
	}

	/** The canonical status name (UNAUTHENTICATED, RESOURCE_EXHAUSTED...), or empty. */
	String errorStatus() {
		return text(body.path("error"), "status").orElse("");
	}

	/** Google's own words, with its status name, or the HTTP status when it gave none. */
	String message() {
		String message = text(body.path("error"), "message").orElse("HTTP " + status);
		return errorStatus().isEmpty() ? message : message + " (" + errorStatus() + ")";
	}

	static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.stringValue().isBlank() ? Optional.of(value.stringValue()) : Optional.empty();
	}
}
