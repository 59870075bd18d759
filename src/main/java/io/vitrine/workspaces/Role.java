package io.vitrine.workspaces;

import io.vitrine.shared.InvalidInput;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum Role {
	OWNER, ADMIN, EDITOR, CONTRIBUTOR, CLIENT_REVIEWER, ANALYST;

	/** Reads "editor", "EDITOR" or "client-reviewer"; anything else names the field and lists the roles. */
	public static Role parse(String field, String value) {
		String normalized = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (Role role : values()) {
			if (role.name().equals(normalized)) {
				return role;
			}
		}
		throw InvalidInput.of(field, "one-of", "must be one of " + Arrays.stream(values())
			.map(Role::name)
			.collect(Collectors.joining(", ")));
	}
}
