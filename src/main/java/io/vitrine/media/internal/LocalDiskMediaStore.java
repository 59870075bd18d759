package io.vitrine.media.internal;

import io.vitrine.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Media files under one folder ({@code VITRINE_MEDIA_DIR}, by default {@code media/} in the data folder).
 * A file is written as {@code .tmp/<random>.part}, forced to the disk, then renamed onto its key in one
 * atomic step, and the folder's entry is forced too: after a crash a key holds the old file, the new one,
 * or nothing, never half a file. Leftover {@code .part} files of a crash are removed on start once
 * an hour old (younger ones may be another node's write in progress when the folder is shared).
 */
@Component
class LocalDiskMediaStore implements MediaStore {

	private static final Logger log = LoggerFactory.getLogger(LocalDiskMediaStore.class);

	/** Keys are ours (a folder and a media id), never a user's file name: no "..", no absolute path. */
	private static final Pattern KEY = Pattern.compile("[a-z0-9]{2}/[a-z0-9.-]{1,120}");

	private final Path root;

	private final Path temporary;

	LocalDiskMediaStore(@Value("${vitrine.media.dir}") Path root) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.temporary = this.root.resolve(".tmp");
		Files.createDirectories(temporary);
		removeLeftovers();
	}

	@Override
	public void put(String key, InputStream content) throws IOException {
		Path target = path(key);
		Files.createDirectories(target.getParent());
		Path part = temporary.resolve(UUID.randomUUID() + ".part");
		try {
			try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				OutputStream out = Channels.newOutputStream(channel);
				content.transferTo(out);
				out.flush();
				channel.force(true);
			}
			move(part, target);
			forceDirectory(target.getParent());
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	private Path path(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a media key: " + key);
		}
		return root.resolve(key);
	}

	private static void move(Path part, Path target) throws IOException {
		try {
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			// Same folder tree, so this only happens on exotic file systems; refuse rather than risk a half file.
			throw new IOException("the media folder does not support atomic renames: " + target.getParent(), e);
		}
	}

	/** The rename is durable only once the folder's entry is on the disk (POSIX); some systems refuse, harmlessly. */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException e) {
			log.debug("cannot force folder {} to disk: {}", directory, e.getMessage());
		}
	}

	private void removeLeftovers() throws IOException {
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(temporary, "*.part")) {
			for (Path part : parts) {
				if (Files.getLastModifiedTime(part).toInstant().isAfter(java.time.Instant.now().minus(java.time.Duration.ofHours(1)))) {
					continue;
				}
				log.info("removing {}, a media file whose writing was interrupted", part.getFileName());
				Files.deleteIfExists(part);
			}
		}
	}
}
