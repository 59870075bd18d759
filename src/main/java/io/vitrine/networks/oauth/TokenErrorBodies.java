package io.vitrine.networks.oauth;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResponseErrorHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Reads a token endpoint's HTTP 400 whatever its body. RFC 6749 §5.2 answers {@code {"error": "invalid_grant"}};
 * some networks answer their own shape instead (Pinterest: {@code {"code": 1, "message": "..."}}, the Error schema
 * of its API description), which Spring cannot read and would report as a failure to talk to the server, so a dead
 * refresh token would be retried forever instead of asking for a reconnect. A 400 is the server refusing the
 * request itself, never a passing failure: without an OAuth error code it counts as {@code invalid_grant}, with
 * the network's own words kept. Any other status goes to Spring's handler as before.
 */
final class TokenErrorBodies implements ResponseErrorHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OAuth2ErrorResponseErrorHandler oauth = new OAuth2ErrorResponseErrorHandler();

	@Override
	public boolean hasError(ClientHttpResponse response) throws IOException {
		return oauth.hasError(response);
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
		if (response.getStatusCode().value() != 400) {
			oauth.handleError(url, method, response);
			return;
		}
		byte[] body = response.getBody().readAllBytes();
		JsonNode json;
		try {
			json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
		}
		catch (JacksonException e) {
			json = JSON.createObjectNode();
		}
		String error = json.path("error").isString() ? json.path("error").stringValue() : null;
		if (error != null && !error.isBlank()) {
			String description = json.path("error_description").isString() ? json.path("error_description").stringValue() : null;
			String uri = json.path("error_uri").isString() ? json.path("error_uri").stringValue() : null;
			throw new OAuth2AuthorizationException(new OAuth2Error(error, description, uri));
		}
		String words = json.path("message").isString() ? json.path("message").stringValue()
				: new String(body, StandardCharsets.UTF_8).strip();
		throw new OAuth2AuthorizationException(new OAuth2Error("invalid_grant",
				"HTTP 400 without an OAuth error" + (words.isEmpty() ? "" : ": " + words), null));
	}
}
