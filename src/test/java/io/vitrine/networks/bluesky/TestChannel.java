package io.vitrine.networks.bluesky;

import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection as the engine opens it: the credentials read at opening time, and every update it
 * is asked to save (shared by all openings of the same connection, like the database row).
 */
record TestChannel(UUID id, String serverUrl, Session session, List<Credentials> saved) implements Channel {

	static TestChannel of(String serverUrl, Session session) {
		return new TestChannel(UUID.randomUUID(), serverUrl, session, new CopyOnWriteArrayList<>());
	}

	/** The same connection opened again: it reads what was saved last. */
	TestChannel reopened() {
		return new TestChannel(id, serverUrl, lastSaved(), saved);
	}

	/** The same connection, opened with other stored credentials (as if someone changed the row). */
	TestChannel storing(Session other) {
		return new TestChannel(id, serverUrl, other, saved);
	}

	Session lastSaved() {
		return saved.isEmpty() ? session : Session.of(saved.get(saved.size() - 1));
	}

	@Override
	public NetworkId network() {
		return BlueskyConnector.ID;
	}

	@Override
	public String remoteAccountId() {
		return session.did();
	}

	@Override
	public String handle() {
		return session.handle();
	}

	@Override
	public NetworkLimits limits() {
		return BlueskyLimits.DEFAULTS;
	}

	@Override
	public Credentials credentials() {
		return session.credentials();
	}

	@Override
	public void updateCredentials(Credentials updated) {
		saved.add(updated);
	}
}
