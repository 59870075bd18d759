package io.vitrine.networks.oauth;

import io.vitrine.networks.Credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An account's OAuth 2 tokens, as kept (encrypted) in its connection's credentials.
 *
 * @param refreshToken null when the network gave none (offline access not granted)
 * @param expiresAt null when the network did not say; the token is then used until it is refused
 */
public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, String scope) {

	static final String ACCESS_TOKEN = "accessToken";

	static final String REFRESH_TOKEN = Credentials.REFRESH_TOKEN;

	static final String EXPIRES_AT = Credentials.EXPIRES_AT;

	static final String SCOPE = "scope";

	public TokenSet {
		Objects.requireNonNull(accessToken, "accessToken");
		refreshToken = refreshToken == null || refreshToken.isBlank() ? null : refreshToken;
	}

	public static TokenSet of(Credentials credentials) {
		return new TokenSet(credentials.require(ACCESS_TOKEN), credentials.get(REFRESH_TOKEN).orElse(null),
				credentials.get(EXPIRES_AT).map(Instant::parse).orElse(null), credentials.get(SCOPE).orElse(null));
	}

	/**
	 * The tokens a refresh returned. A network may rotate the refresh token or leave it out of the
	 * answer; an absent or empty one never replaces the one we hold, or the account would be lost.
	 * (Spring's refresh client already puts the request's refresh token into such an answer; this
	 * holds whatever client produced the answer.)
	 */
	TokenSet refreshedWith(TokenSet answer) {
		return new TokenSet(answer.accessToken(), answer.refreshToken() != null ? answer.refreshToken() : refreshToken,
				answer.expiresAt(), answer.scope() != null ? answer.scope() : scope);
	}

	/** These tokens written over {@code stored}, keeping whatever else the network keeps there. */
	public Credentials into(Credentials stored) {
		Map<String, String> values = new LinkedHashMap<>(stored.asMap());
		values.put(ACCESS_TOKEN, accessToken);
		putOrRemove(values, REFRESH_TOKEN, refreshToken);
		putOrRemove(values, EXPIRES_AT, expiresAt == null ? null : expiresAt.toString());
		putOrRemove(values, SCOPE, scope);
		return new Credentials(values);
	}

	public Credentials credentials() {
		return into(new Credentials(Map.of()));
	}

	boolean expiresWithin(Duration margin, Instant now) {
		return expiresAt != null && expiresAt.isBefore(now.plus(margin));
	}

	private static void putOrRemove(Map<String, String> values, String key, String value) {
		if (value == null) {
			values.remove(key);
		}
		else {
			values.put(key, value);
		}
	}

	@Override
	public String toString() {
		return "TokenSet[expiresAt=" + expiresAt + ", scope=" + scope + ", refresh=" + (refreshToken != null) + ", values hidden]";
	}
}
