package io.vitrine.networks.meta;

import io.vitrine.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.Set;

/**
 * A Graph API answer, shared by Meta's networks (Facebook Pages, Instagram, Threads). Errors have one shape
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling):
 * {@code {"error": {"message", "type", "code", "error_subcode", "is_transient", "fbtrace_id"}}}.
 */
public record GraphAnswer(int status, JsonNode body, OutboundResponse response) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Throttling codes: 4 (app), 17 (user), 32 (page), 613 (call rate), 80001 (Pages business use case). */
	private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001);

	public static GraphAnswer of(OutboundResponse response) {
		JsonNode body;
		try {
			body = response.body().length == 0 ? null : JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			body = null;
		}
		return new GraphAnswer(response.status(), body == null || body.isMissingNode() ? JSON.createObjectNode() : body, response);
	}

	public boolean ok() {
		return status >= 200 && status < 300 && !body.has("error");
	}

	public int code() {
		return body.path("error").path("code").asInt(0);
	}

	public int subcode() {
		return body.path("error").path("error_subcode").asInt(0);
	}

	/** Code 190: the token expired, was revoked, or the person changed their password. */
	public boolean tokenRefused() {
		return code() == 190 || code() == 102 || status == 401;
	}

	public boolean throttled() {
		return THROTTLED.contains(code()) || status == 429;
	}

	/** Codes 1 and 2, or is_transient: a temporary problem on Meta's side. */
	public boolean transientError() {
		return code() == 1 || code() == 2 || body.path("error").path("is_transient").asBoolean(false) || status >= 500;
	}

	public String message() {
		JsonNode error = body.path("error");
		return text(error, "error_user_msg").or(() -> text(error, "message")).orElse("HTTP " + status)
				+ (error.has("code") ? " (code " + error.path("code").asInt() + ")" : "");
	}

	public Optional<String> text(String field) {
		return text(body, field);
	}

	public static Optional<String> text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString() && !value.stringValue().isBlank()) {
			return Optional.of(value.stringValue());
		}
		return value.isNumber() ? Optional.of(value.asString()) : Optional.empty();
	}
}
