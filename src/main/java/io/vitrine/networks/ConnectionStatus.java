package io.vitrine.networks;

public enum ConnectionStatus {
	ACTIVE,
	/** The network refused the token for good; only the owner reconnecting fixes it. */
	NEEDS_RECONNECT,
	/**
	 * Removed by a person: credentials erased, hidden from the connections list, never opened for
	 * publishing. The row stays so that past posts still name their account; connecting the same
	 * account again brings it back.
	 */
	DISCONNECTED
}
