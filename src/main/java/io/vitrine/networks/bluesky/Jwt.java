package io.vitrine.networks.bluesky;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads claims of a session token. The signature is not checked: the token is ours, from the
 * server itself, and we only want to know when it expires so we can refresh it in time.
 */
final class Jwt {

	private Jwt() {
	}

	static Optional<Instant> expiry(String token) {
		return payload(token).map(claims -> claims.path("exp")).filter(JsonNode::isNumber)
			.map(exp -> Instant.ofEpochSecond(exp.asLong()));
	}

	static Optional<String> scope(String token) {
		return payload(token).map(claims -> XrpcAnswer.text(claims, "scope"));
	}

	private static Optional<JsonNode> payload(String token) {
		if (token == null) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			return Optional.of(JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(parts[1])));
		}
		catch (RuntimeException unreadable) {
			return Optional.empty();
		}
	}
}
