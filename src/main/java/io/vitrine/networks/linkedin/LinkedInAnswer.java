package io.vitrine.networks.linkedin;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * A LinkedIn API answer. Errors are Rest.li error bodies
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling):
 * {@code {"status": 422, "message": "...", "serviceErrorCode": 100, "code": "..."}}; the token
 * endpoint's are OAuth ones ({@code error}, {@code error_description}).
 */
record LinkedInAnswer(int status, JsonNode body, OutboundResponse response) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static LinkedInAnswer of(OutboundResponse response) {
		JsonNode body;
		try {
			body = response.body().length == 0 ? null : JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			body = null;
		}
		return new LinkedInAnswer(response.status(), body == null || body.isMissingNode() ? JSON.createObjectNode() : body,
				response);
	}

	boolean ok() {
		return status >= 200 && status < 300;
	}

	/** The id of what a create made: Rest.li puts it in the x-restli-id header, not the body. */
	Optional<String> createdId() {
		return response.header("x-restli-id").map(String::strip).filter(id -> !id.isEmpty());
	}

	/** LinkedIn's own words for what went wrong, or the status code when it gave none. */
	String message() {
		return text(body, "message").or(() -> text(body, "error_description")).or(() -> text(body, "code"))
			.orElse("HTTP " + status);
	}

	static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString() && !value.stringValue().isBlank()) {
			return Optional.of(value.stringValue());
		}
		return value.isNumber() ? Optional.of(value.asString()) : Optional.empty();
	}
}
