package io.vitrine.networks.bluesky;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the official AT Protocol test files in place, from the shared folder beside the project. */
final class SharedContracts {

	private SharedContracts() {
	}

	static Path atproto(String relative) {
		Path besideProject = Path.of(System.getProperty("user.dir")).getParent().resolve("shared");
		Path shared = Files.isDirectory(besideProject) ? besideProject : Path.of("/work/shared");
		Path file = shared.resolve("contracts/atproto").resolve(relative);
		Assumptions.assumeTrue(Files.isRegularFile(file),
				"skipped: the official AT Protocol file " + file + " is not here (the shared folder is beside the project in CI)");
		return file;
	}

	/** The test vectors of an interop file: one per line, without comments and blank lines. */
	static List<String> vectors(String relative) {
		try {
			return Files.readAllLines(atproto(relative)).stream()
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
