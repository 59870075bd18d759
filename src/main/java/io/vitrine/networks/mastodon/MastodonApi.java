package io.vitrine.networks.mastodon;

import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundRequest;
import io.vitrine.outbound.OutboundResponse;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The Mastodon endpoints Vitrine uses, as described in the official API description
 * (mastodon-api-openapi.json). Every call goes through the outbound guard, since the instance URL
 * comes from a user. Answers are returned whole; callers decide what a status code means to them.
 */
@Component
class MastodonApi {

	static final String APPS = "/api/v1/apps";

	static final String AUTHORIZE = "/oauth/authorize";

	static final String TOKEN = "/oauth/token";

	static final String OAUTH_METADATA = "/.well-known/oauth-authorization-server";

	static final String VERIFY_CREDENTIALS = "/api/v1/accounts/verify_credentials";

	static final String INSTANCE = "/api/v2/instance";

	static final String MEDIA = "/api/v2/media";

	static final String MEDIA_BY_ID = "/api/v1/media/";

	static final String STATUSES = "/api/v1/statuses";

	/** Reading one's own recent statuses, to find a post whose outcome was unknown; Mastodon's maximum page. */
	static final int RECENT_STATUSES = 40;

	private final OutboundHttp http;

	final JsonMapper json = JsonMapper.builder().build();

	MastodonApi(OutboundHttp http) {
		this.http = http;
	}

	OutboundResponse instance(String server) {
		return http.send(OutboundRequest.get(server + INSTANCE).header("Accept", "application/json").build());
	}

	OutboundResponse oauthMetadata(String server) {
		return http.send(OutboundRequest.get(server + OAUTH_METADATA).header("Accept", "application/json").build());
	}

	OutboundResponse registerApp(String server, String redirectUri, String scopes, String website) {
		ObjectNode body = json.createObjectNode();
		body.put("client_name", "Vitrine");
		body.putArray("redirect_uris").add(redirectUri);
		body.put("scopes", scopes);
		body.put("website", website);
		return http.send(OutboundRequest.post(server + APPS).json(json.writeValueAsString(body)).build());
	}

	OutboundResponse token(String server, String clientId, String clientSecret, String code, String redirectUri,
			String codeVerifier) {
		ObjectNode body = json.createObjectNode();
		body.put("grant_type", "authorization_code");
		body.put("code", code);
		body.put("client_id", clientId);
		body.put("client_secret", clientSecret);
		body.put("redirect_uri", redirectUri);
		if (codeVerifier != null) {
			body.put("code_verifier", codeVerifier);
		}
		return http.send(OutboundRequest.post(server + TOKEN).json(json.writeValueAsString(body)).build());
	}

	OutboundResponse verifyCredentials(String server, String token) {
		return http.send(OutboundRequest.get(server + VERIFY_CREDENTIALS).bearer(token).build());
	}

	OutboundResponse uploadMedia(String server, String token, String fileName, String contentType, byte[] content,
			String description) {
		List<OutboundRequest.Part> parts = description == null || description.isBlank()
				? List.of(OutboundRequest.Part.file("file", fileName, contentType, content))
				: List.of(OutboundRequest.Part.file("file", fileName, contentType, content),
						OutboundRequest.Part.text("description", description));
		return http.send(OutboundRequest.post(server + MEDIA).bearer(token).multipart(parts).build());
	}

	OutboundResponse media(String server, String token, String mediaId) {
		return http.send(OutboundRequest.get(server + MEDIA_BY_ID + segment(mediaId)).bearer(token).build());
	}

	OutboundResponse postStatus(String server, String token, String idempotencyKey, String text, List<String> mediaIds) {
		return postStatus(server, token, idempotencyKey, text, mediaIds, List.of(), null);
	}

	/** With a poll when {@code pollOptions} is not empty (PollStatus: options and expires_in, never with media). */
	OutboundResponse postStatus(String server, String token, String idempotencyKey, String text, List<String> mediaIds,
			List<String> pollOptions, java.time.Duration pollOpenFor) {
		ObjectNode body = json.createObjectNode();
		if (!text.isBlank()) {
			body.put("status", text);
		}
		if (!mediaIds.isEmpty()) {
			mediaIds.forEach(body.putArray("media_ids")::add);
		}
		if (!pollOptions.isEmpty()) {
			ObjectNode poll = body.putObject("poll");
			pollOptions.forEach(poll.putArray("options")::add);
			poll.put("expires_in", pollOpenFor.toSeconds());
		}
		body.put("visibility", "public");
		return http.send(OutboundRequest.post(server + STATUSES)
			.bearer(token)
			.header("Idempotency-Key", idempotencyKey)
			.json(json.writeValueAsString(body))
			.build());
	}

	/** One page of the account's own statuses, newest first; {@code maxId} (nullable) pages further back. */
	OutboundResponse accountStatuses(String server, String token, String accountId, String maxId) {
		OutboundRequest.Builder request = OutboundRequest.get(server + "/api/v1/accounts/" + segment(accountId) + "/statuses")
			.query("limit", Integer.toString(RECENT_STATUSES))
			.query("exclude_reblogs", "true");
		if (maxId != null) {
			request.query("max_id", maxId);
		}
		return http.send(request.bearer(token).build());
	}

	/** The answer as JSON, or empty when it is not JSON (an HTML error page, a proxy's answer). */
	Optional<JsonNode> parse(OutboundResponse response) {
		try {
			JsonNode node = json.readTree(response.body());
			return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
		}
		catch (JacksonException e) {
			return Optional.empty();
		}
	}

	/** Mastodon's own error message ({@code {"error": "..."}}), or the status code when it gave none. */
	String errorOf(OutboundResponse response) {
		return parse(response).map(body -> text(body, "error"))
			.filter(message -> !message.isBlank())
			.orElse("HTTP " + response.status());
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString()) {
			return value.stringValue();
		}
		return value.isNumber() ? value.asString() : null;
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
