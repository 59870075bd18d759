package io.vitrine.networks.internal;

import io.vitrine.networks.Credentials;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decrypted credentials of the accounts this process publishes for, kept while their stored
 * ciphertext is unchanged. The engine opens an account for every target it sends and decryption
 * was a tenth of its CPU in the benchmark; the plaintext lives no longer in memory than the
 * channel that uses it would. Any change of the stored ciphertext (refresh, reconnect,
 * disconnect) is seen by comparing it, so a stale secret is never returned.
 */
final class OpenedCredentials {

	private static final int MAX_REMEMBERED = 10_000;

	private record Opened(byte[] sealed, Credentials credentials) {
	}

	private final CredentialVault vault;

	private final Map<UUID, Opened> opened = new ConcurrentHashMap<>();

	OpenedCredentials(CredentialVault vault) {
		this.vault = vault;
	}

	Credentials open(UUID connectionId, byte[] sealed) {
		Opened known = opened.get(connectionId);
		if (known != null && Arrays.equals(known.sealed(), sealed)) {
			return known.credentials();
		}
		Credentials credentials = vault.open(sealed, connectionId.toString());
		if (opened.size() >= MAX_REMEMBERED) {
			opened.clear();
		}
		opened.put(connectionId, new Opened(sealed.clone(), credentials));
		return credentials;
	}
}
