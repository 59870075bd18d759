package io.vitrine.publishing.internal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** A target's network fields as stored in post_target.fields: a JSON object of strings, null when there are none. */
final class FieldsJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private FieldsJson() {
	}

	static String write(Map<String, String> fields) {
		Map<String, String> kept = withoutBlanks(fields);
		return kept.isEmpty() ? null : JSON.writeValueAsString(kept);
	}

	static Map<String, String> read(String json) {
		return json == null || json.isBlank() ? Map.of() : withoutBlanks(JSON.readValue(json, MAP));
	}

	/** A blank value is no value: the composer sends every field, filled or not. */
	static Map<String, String> withoutBlanks(Map<String, String> fields) {
		Map<String, String> kept = new LinkedHashMap<>();
		if (fields != null) {
			fields.forEach((name, value) -> {
				if (name != null && value != null && !value.isBlank()) {
					kept.put(name, value);
				}
			});
		}
		return kept;
	}
}
