package io.vitrine.networks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Secrets of one connection. Never printed: toString hides every value. */
public final class Credentials {

	/** The OAuth access token's expiry (ISO-8601 instant), where a network gave one. */
	public static final String EXPIRES_AT = "expiresAt";

	/** The OAuth refresh token, where a network gave one. */
	public static final String REFRESH_TOKEN = "refreshToken";

	private final Map<String, String> values;

	public Credentials(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	public Optional<String> get(String key) {
		return Optional.ofNullable(values.get(key));
	}

	public String require(String key) {
		return get(key).orElseThrow(() -> new IllegalStateException("credential '" + key + "' missing"));
	}

	public Credentials with(String key, String value) {
		Map<String, String> copy = new LinkedHashMap<>(values);
		copy.put(key, value);
		return new Credentials(copy);
	}

	/**
	 * When access ends for good unless the owner reconnects: an expiring access token with no refresh token to renew
	 * it (LinkedIn's 60-day member tokens). Empty when a refresh keeps the access alive, or nothing says it ends.
	 */
	public Optional<Instant> accessEndsAt() {
		if (get(REFRESH_TOKEN).filter(t -> !t.isBlank()).isPresent()) {
			return Optional.empty();
		}
		return get(EXPIRES_AT).map(Instant::parse);
	}

	public Map<String, String> asMap() {
		return values;
	}

	@Override
	public String toString() {
		return "Credentials" + values.keySet() + "(values hidden)";
	}
}
