package io.vitrine.media.internal;

import io.vitrine.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload read to its end into a private temporary file, counted and hashed on the way, and cut off at
 * the upload limit: the probe then reads a real file, and nothing reaches the store before it is known.
 */
@Component
class IncomingFiles {

	/** A received file; closing it removes the temporary copy. */
	record Incoming(Path path, long size, String sha256) implements AutoCloseable {

		InputStream open() throws IOException {
			return Files.newInputStream(path);
		}

		@Override
		public void close() {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ignored) {
				// The system's temporary folder is cleaned by the system.
			}
		}
	}

	private final DataSize limit;

	IncomingFiles(@Value("${vitrine.media.max-upload-size}") DataSize limit) {
		this.limit = limit;
	}

	Incoming receive(InputStream content) {
		Path temp = null;
		try {
			temp = Files.createTempFile("vitrine-upload-", ".part");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = content; OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
				size = copyAtMost(in, out, limit.toBytes());
			}
			if (size == 0) {
				throw InvalidInput.of("file", "required", "is empty");
			}
			return new Incoming(temp, size, HexFormat.of().formatHex(sha256.digest()));
		}
		catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
			delete(temp);
			if (e instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UncheckedIOException(new IOException("could not receive the file", e));
		}
	}

	private long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		for (int n; (n = in.read(buffer)) >= 0;) {
			total += n;
			if (total > max) {
				throw tooLarge(limit);
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	static InvalidInput tooLarge(DataSize limit) {
		return InvalidInput.of("file", "max-size", "is larger than the upload limit of " + readable(limit)
				+ " (VITRINE_MAX_UPLOAD_SIZE)");
	}

	static String readable(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

	private static void delete(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// Left to the system's temporary folder cleaning.
			}
		}
	}
}
