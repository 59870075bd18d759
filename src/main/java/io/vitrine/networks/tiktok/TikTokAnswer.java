package io.vitrine.networks.tiktok;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer of TikTok's API v2. Every answer carries {@code {"error": {"code", "message", "log_id"}}}, with code
 * "ok" on success (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling); the OAuth endpoint answers
 * {@code {"error", "error_description", "log_id"}} instead (https://developers.tiktok.com/doc/oauth-error-handling).
 */
record TikTokAnswer(int status, JsonNode body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static TikTokAnswer of(OutboundResponse response) {
		JsonNode body;
		try {
			body = response.body().length == 0 ? null : JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			body = null;
		}
		return new TikTokAnswer(response.status(), body == null || !body.isObject() ? JSON.createObjectNode() : body);
	}

	boolean ok() {
		return status >= 200 && status < 300 && "ok".equals(code());
	}

	/** The API's error code ("ok" on success), or the OAuth endpoint's error; empty when the answer has none. */
	String code() {
		JsonNode error = body.path("error");
		return error.isObject() ? error.path("code").asString("") : error.asString("");
	}

	JsonNode data() {
		return body.path("data");
	}

	String text(String field) {
		JsonNode value = body.path(field);
		return value.isValueNode() ? value.asString("") : "";
	}

	/** What TikTok said, with the log id its support asks for. */
	String message() {
		JsonNode error = body.path("error");
		String detail = error.isObject() ? error.path("message").asString("") : body.path("error_description").asString("");
		String logId = error.isObject() ? error.path("log_id").asString("") : body.path("log_id").asString("");
		String code = code().isEmpty() ? "HTTP " + status : code();
		return code + (detail.isBlank() ? "" : ": " + detail) + (logId.isBlank() ? "" : " (log_id " + logId + ")");
	}

	boolean serverError() {
		return status >= 500 || "internal_error".equals(code());
	}
}
