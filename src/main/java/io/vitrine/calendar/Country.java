package io.vitrine.calendar;

import io.vitrine.shared.InvalidInput;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The countries whose notable dates Vitrine knows (ISO 3166-1 alpha-2 codes). */
public enum Country {
	FR, US, CA, GB;

	public static Country parse(String field, String code) {
		String wanted = code == null ? "" : code.strip().toUpperCase();
		if ("UK".equals(wanted)) {
			return GB; // people write UK; ISO says GB
		}
		return Arrays.stream(values()).filter(c -> c.name().equals(wanted)).findFirst()
			.orElseThrow(() -> InvalidInput.of(field, "one-of", "must be one of "
					+ Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", got '" + code + "'"));
	}
}
