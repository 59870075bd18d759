package io.vitrine.networks.internal;

import java.nio.file.Path;

/** A credentials vault with a fresh key in a folder, for tests of other networks packages. */
public final class VaultTestKit {

	private VaultTestKit() {
	}

	public static CredentialVault vault(Path dataDir) {
		return new CredentialVault("", dataDir);
	}
}
