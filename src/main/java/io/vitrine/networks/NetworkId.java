package io.vitrine.networks;

import java.util.regex.Pattern;

/** A network's stable name ("mastodon", "bluesky", "x"): a value, not an enum, so a new network is only a new package. */
public record NetworkId(String value) {

	private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public NetworkId {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("network id must match " + SHAPE + ": " + value);
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
