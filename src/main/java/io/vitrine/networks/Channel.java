package io.vitrine.networks;

import java.util.UUID;

/** A connected account as a connector sees it while publishing. */
public interface Channel {

	UUID id();

	NetworkId network();

	/** Instance or PDS base URL, without trailing slash. */
	String serverUrl();

	String remoteAccountId();

	String handle();

	NetworkLimits limits();

	Credentials credentials();

	/** Persists refreshed tokens (encrypted) before they are used, so a crash never loses a rotation. */
	void updateCredentials(Credentials updated);
}
