package io.vitrine.networks.internal;

import io.vitrine.networks.NetworkLimits;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Limits are stored as JSON, so a network adding a new kind of limit needs no migration. */
final class LimitsJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Read for every target the engine sends, and most accounts of an instance share the same few
	 * documents: parsing each distinct one once saves a measurable share of the engine's CPU.
	 */
	private static final int MAX_REMEMBERED = 10_000;

	private static final Map<String, NetworkLimits> PARSED = new ConcurrentHashMap<>();

	private LimitsJson() {
	}

	static String write(NetworkLimits limits) {
		return JSON.writeValueAsString(limits);
	}

	static NetworkLimits read(String json) {
		if (json == null) {
			return null;
		}
		NetworkLimits known = PARSED.get(json);
		if (known != null) {
			return known;
		}
		NetworkLimits limits = JSON.readValue(json, NetworkLimits.class);
		if (PARSED.size() >= MAX_REMEMBERED) {
			PARSED.clear();
		}
		PARSED.put(json, limits);
		return limits;
	}
}
