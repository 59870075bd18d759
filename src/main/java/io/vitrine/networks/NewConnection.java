package io.vitrine.networks;

import java.util.Objects;

/**
 * An account a connect flow has just verified, ready to be saved. Saving it again for the same
 * (workspace, network, server, remote account) replaces the credentials and makes it active again.
 *
 * @param serverUrl instance or PDS base URL, without trailing slash
 * @param remoteAccountId the network's stable id for the account (never the handle, which can change)
 * @param handle what people recognise ("@alice@mastodon.social", "alice.bsky.social")
 */
public record NewConnection(NetworkId network, String serverUrl, String remoteAccountId, String handle,
		String displayName, NetworkLimits limits, Credentials credentials) {

	public NewConnection {
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(serverUrl, "serverUrl");
		Objects.requireNonNull(remoteAccountId, "remoteAccountId");
		Objects.requireNonNull(handle, "handle");
		Objects.requireNonNull(limits, "limits");
		Objects.requireNonNull(credentials, "credentials");
	}
}
