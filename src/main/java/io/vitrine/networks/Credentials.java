package io.vitrine.networks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Secrets of one connection. Never printed: toString hides every value. */
public final class Credentials {

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

	public Map<String, String> asMap() {
		return values;
	}

	@Override
	public String toString() {
		return "Credentials" + values.keySet() + "(values hidden)";
	}
}
