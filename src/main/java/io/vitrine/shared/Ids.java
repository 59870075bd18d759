package io.vitrine.shared;

import com.github.f4b6a3.uuid.UuidCreator;

import java.util.UUID;

/** Ids sort by creation time (UUIDv7), so indexes stay compact and lists page by id. */
public final class Ids {

	private Ids() {
	}

	public static UUID next() {
		return UuidCreator.getTimeOrderedEpoch();
	}
}
