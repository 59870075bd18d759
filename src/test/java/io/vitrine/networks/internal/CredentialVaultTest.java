package io.vitrine.networks.internal;

import io.vitrine.networks.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialVaultTest {

	@TempDir
	Path dataDir;

	private static final Credentials TOKEN = new Credentials(Map.of("accessToken", "s3cr3t-token-value"));

	@Test
	void opens_what_it_sealed() {
		CredentialVault vault = new CredentialVault("", dataDir);
		byte[] sealed = vault.seal(TOKEN, "row-1");
		assertThat(vault.open(sealed, "row-1").asMap()).isEqualTo(TOKEN.asMap());
	}

	@Test
	void the_ciphertext_does_not_contain_the_secret() {
		byte[] sealed = new CredentialVault("", dataDir).seal(TOKEN, "row-1");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
	}

	@Test
	void refuses_a_ciphertext_moved_to_another_row() {
		CredentialVault vault = new CredentialVault("", dataDir);
		byte[] sealed = vault.seal(TOKEN, "row-1");
		assertThatThrownBy(() -> vault.open(sealed, "row-2")).isInstanceOf(IllegalStateException.class)
			.hasMessageNotContaining("s3cr3t");
	}

	@Test
	void creates_the_keyset_file_once_readable_by_its_owner_only_and_reuses_it_after_a_restart() throws IOException {
		byte[] sealed = new CredentialVault("", dataDir).seal(TOKEN, "row-1");
		Path file = dataDir.resolve("keyset.json");
		String firstKeyset = Files.readString(file);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		CredentialVault afterRestart = new CredentialVault("", dataDir);

		assertThat(afterRestart.open(sealed, "row-1").asMap()).isEqualTo(TOKEN.asMap());
		assertThat(Files.readString(file)).isEqualTo(firstKeyset);
	}

	@Test
	void a_configured_keyset_is_used_instead_of_the_file() throws IOException {
		Path elsewhere = Files.createDirectory(dataDir.resolve("other"));
		new CredentialVault("", elsewhere);
		String configured = Files.readString(elsewhere.resolve("keyset.json"));

		CredentialVault vault = new CredentialVault(configured, dataDir);
		byte[] sealed = vault.seal(TOKEN, "row-1");

		assertThat(dataDir.resolve("keyset.json")).doesNotExist();
		assertThat(new CredentialVault("", elsewhere).open(sealed, "row-1").asMap()).isEqualTo(TOKEN.asMap());
	}

	@Test
	void another_keyset_cannot_open_the_credentials() throws IOException {
		byte[] sealed = new CredentialVault("", dataDir).seal(TOKEN, "row-1");
		CredentialVault other = new CredentialVault("", Files.createDirectory(dataDir.resolve("other")));
		assertThatThrownBy(() -> other.open(sealed, "row-1")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void an_invalid_configured_keyset_stops_the_start_with_a_clear_message() {
		assertThatThrownBy(() -> new CredentialVault("{not a keyset", dataDir)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("VITRINE_ENCRYPTION_KEYSET");
	}
}
