package io.vitrine.networks.internal;

import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;

import java.util.UUID;
import java.util.function.Consumer;

/** A connection opened for publishing; refreshed credentials are written back at once. */
record StoredChannel(UUID id, NetworkId network, String serverUrl, String remoteAccountId, String handle,
		NetworkLimits limits, Credentials credentials, Consumer<Credentials> saver) implements Channel {

	@Override
	public void updateCredentials(Credentials updated) {
		saver.accept(updated);
	}

	@Override
	public String toString() {
		return "Channel[" + network + " " + handle + " " + id + "]";
	}
}
