package io.vitrine.networks.youtube;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A YouTube Data API answer. Errors have Google's shape (https://developers.google.com/youtube/v3/docs/errors):
 * {@code {"error": {"code", "message", "errors": [{"domain", "reason", "message"}]}}}.
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
		return new GoogleAnswer(response.status(), body == null || !body.isObject() ? JSON.createObjectNode() : body, response);
	}

	boolean ok() {
		return status >= 200 && status < 300;
	}

	/** The first error's reason (quotaExceeded, uploadLimitExceeded, invalidTitle...), or empty. */
	String reason() {
		return body.path("error").path("errors").path(0).path("reason").asString("");
	}

	String message() {
		String message = body.path("error").path("message").asString("");
		return "HTTP " + status + (reason().isEmpty() ? "" : " " + reason()) + (message.isBlank() ? "" : ": " + message);
	}
}
