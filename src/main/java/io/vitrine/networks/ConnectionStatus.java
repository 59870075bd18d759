package io.vitrine.networks;

public enum ConnectionStatus {
	ACTIVE,
	/** The network refused the token for good; only the owner reconnecting fixes it. */
	NEEDS_RECONNECT
}
