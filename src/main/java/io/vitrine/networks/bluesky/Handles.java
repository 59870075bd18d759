package io.vitrine.networks.bluesky;

import java.util.regex.Pattern;

/** The handle syntax of atproto.com/specs/handle: a domain name whose last label starts with a letter. */
final class Handles {

	private static final Pattern HANDLE = Pattern
		.compile("^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$");

	private Handles() {
	}

	static boolean isHandle(String value) {
		return value != null && value.length() <= 253 && HANDLE.matcher(value).matches();
	}
}
