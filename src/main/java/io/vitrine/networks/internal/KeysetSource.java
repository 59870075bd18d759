package io.vitrine.networks.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * Where the credentials key comes from: the operator's keyset (VITRINE_ENCRYPTION_KEYSET), or a
 * keyset file in the data folder, generated on first start and readable by its owner only.
 */
final class KeysetSource {

	private static final Logger log = LoggerFactory.getLogger(KeysetSource.class);

	static final String FILE_NAME = "keyset.json";

	private KeysetSource() {
	}

	static KeysetHandle load(String configuredJson, Path dataDir) {
		register();
		if (configuredJson != null && !configuredJson.isBlank()) {
			return parse(configuredJson, "vitrine.crypto.keyset (VITRINE_ENCRYPTION_KEYSET)");
		}
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the encryption keyset " + file, e);
		}
	}

	private static void create(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		String json;
		try {
			json = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
					InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot generate an encryption keyset", e);
		}
		// Written to a private temporary file, then linked into place: the link fails if another
		// process created the keyset meanwhile, so a keyset in use is never overwritten.
		Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keyset", ".tmp", ownerOnly());
		try {
			Files.writeString(temp, json, StandardCharsets.UTF_8);
			try {
				Files.createLink(file, temp);
			}
			catch (UnsupportedOperationException noHardLinks) {
				Files.move(temp, file);
			}
			log.info("Generated the encryption keyset for network credentials at {}. Back it up: without it, "
					+ "stored credentials cannot be read.", file.toAbsolutePath());
		}
		catch (FileAlreadyExistsException createdByAnotherProcess) {
			log.debug("Keyset {} was created by another process; using it", file);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static FileAttribute<?>[] ownerOnly() {
		if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(rw) };
	}

	private static KeysetHandle parse(String json, String origin) {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException | RuntimeException e) {
			throw new IllegalStateException("the encryption keyset in " + origin + " is not a valid Tink JSON keyset");
		}
	}

	private static void register() {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Tink AEAD cannot be registered", e);
		}
	}
}
