package io.vitrine.networks.internal;

import io.vitrine.networks.NetworkLimits;
import tools.jackson.databind.json.JsonMapper;

/** Limits are stored as JSON, so a network adding a new kind of limit needs no migration. */
final class LimitsJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LimitsJson() {
	}

	static String write(NetworkLimits limits) {
		return JSON.writeValueAsString(limits);
	}

	static NetworkLimits read(String json) {
		return json == null ? null : JSON.readValue(json, NetworkLimits.class);
	}
}
