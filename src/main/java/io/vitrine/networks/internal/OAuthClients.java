package io.vitrine.networks.internal;

import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * OAuth apps Vitrine registered on a server (a Mastodon instance), one per (network, server,
 * redirect URI), reused by every person who connects an account there. Client secrets are encrypted.
 */
@Repository
public class OAuthClients {

	private final JdbcClient jdbc;

	private final CredentialVault vault;

	private final Clock clock;

	OAuthClients(JdbcClient jdbc, CredentialVault vault, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.clock = clock;
	}

	public Optional<Credentials> find(NetworkId network, String serverUrl, String redirectUri) {
		return jdbc.sql("select credentials from oauth_client where network = ? and server_url = ? and redirect_uri = ?")
			.params(network.value(), serverUrl, redirectUri)
			.query(byte[].class)
			.optional()
			.map(sealed -> vault.open(sealed, associatedData(network, serverUrl, redirectUri)));
	}

	/**
	 * Keeps the first app registered: when two people register at once, the second one's is dropped
	 * and both use the stored one, so every authorization is made with the same client.
	 */
	public Credentials saveIfAbsent(NetworkId network, String serverUrl, String redirectUri, Credentials client) {
		try {
			jdbc.sql("insert into oauth_client (network, server_url, redirect_uri, credentials, created_at) values (?, ?, ?, ?, ?)")
				.params(network.value(), serverUrl, redirectUri, vault.seal(client, associatedData(network, serverUrl, redirectUri)),
						clock.instant().atOffset(ZoneOffset.UTC))
				.update();
			return client;
		}
		catch (DuplicateKeyException registeredMeanwhile) {
			return find(network, serverUrl, redirectUri).orElse(client);
		}
	}

	/** The server no longer knows the app (deleted by its admin): the next connect registers a new one. */
	public void forget(NetworkId network, String serverUrl, String redirectUri) {
		jdbc.sql("delete from oauth_client where network = ? and server_url = ? and redirect_uri = ?")
			.params(network.value(), serverUrl, redirectUri)
			.update();
	}

	private static String associatedData(NetworkId network, String serverUrl, String redirectUri) {
		return "oauth_client " + network.value() + " " + serverUrl + " " + redirectUri;
	}
}
