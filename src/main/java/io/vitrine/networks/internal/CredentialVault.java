package io.vitrine.networks.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import io.vitrine.networks.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * Encrypts credentials at rest (Tink AEAD, AES-256-GCM). The associated data ties a ciphertext to
 * its row, so a ciphertext copied onto another row does not decrypt. Nothing here is ever logged.
 */
@Component
public class CredentialVault {

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	private final Aead aead;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	CredentialVault(@Value("${vitrine.crypto.keyset:}") String keyset, @Value("${vitrine.data-dir:./data}") Path dataDir) {
		this(KeysetSource.load(keyset, dataDir));
	}

	CredentialVault(KeysetHandle keyset) {
		try {
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the encryption keyset holds no usable AEAD key", e);
		}
	}

	public byte[] seal(Credentials credentials, String associatedData) {
		try {
			return aead.encrypt(json.writeValueAsBytes(credentials.asMap()), associatedData.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("credentials could not be encrypted", e);
		}
	}

	/** @throws IllegalStateException when the key is not the one that sealed it or the row does not match */
	public Credentials open(byte[] ciphertext, String associatedData) {
		try {
			byte[] plain = aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
			return new Credentials(json.readValue(plain, MAP));
		}
		catch (GeneralSecurityException e) {
			// No cause attached: nothing about the secret may reach a log.
			throw new IllegalStateException("stored credentials cannot be decrypted: the keyset is not the one "
					+ "they were encrypted with, or they were moved to another row");
		}
	}
}
