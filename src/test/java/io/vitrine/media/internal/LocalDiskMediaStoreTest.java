package io.vitrine.media.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDiskMediaStoreTest {

	@TempDir
	Path root;

	private final String key = MediaKeys.file(UUID.fromString("019a0000-0000-7000-8000-0000000000ab"));

	/** A stream that delivers some bytes and then fails, as an upload cut off or a disk filling up would. */
	private static InputStream breaksAfter(int bytes) {
		return new InputStream() {
			private int sent;

			@Override
			public int read() throws IOException {
				if (sent++ >= bytes) {
					throw new IOException("connection reset by peer");
				}
				return 'x';
			}
		};
	}

	@Test
	void a_stored_file_reads_back_whole_under_its_key() throws IOException {
		LocalDiskMediaStore store = new LocalDiskMediaStore(root);
		store.put(key, new ByteArrayInputStream("the whole file".getBytes()));
		assertThat(store.exists(key)).isTrue();
		try (InputStream in = store.open(key)) {
			assertThat(new String(in.readAllBytes())).isEqualTo("the whole file");
		}
		assertThat(root.resolve("ab/019a0000-0000-7000-8000-0000000000ab")).exists();
	}

	@Test
	void a_write_cut_short_leaves_nothing_under_the_key_and_no_temporary_file() throws IOException {
		LocalDiskMediaStore store = new LocalDiskMediaStore(root);
		assertThatThrownBy(() -> store.put(key, breaksAfter(100_000))).isInstanceOf(IOException.class);
		assertThat(store.exists(key)).isFalse();
		assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
		try (Stream<Path> left = Files.list(root.resolve(".tmp"))) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void a_write_cut_short_keeps_the_previous_whole_file() throws IOException {
		LocalDiskMediaStore store = new LocalDiskMediaStore(root);
		store.put(key, new ByteArrayInputStream("first version".getBytes()));
		assertThatThrownBy(() -> store.put(key, breaksAfter(10))).isInstanceOf(IOException.class);
		try (InputStream in = store.open(key)) {
			assertThat(new String(in.readAllBytes())).isEqualTo("first version");
		}
	}

	@Test
	void half_written_files_of_a_crash_are_never_visible_and_are_swept_on_start() throws IOException {
		new LocalDiskMediaStore(root);
		// What a crash in the middle of put leaves behind: a partial file in the temporary folder only.
		Path crashed = Files.writeString(root.resolve(".tmp").resolve(UUID.randomUUID() + ".part"), "half a fi");
		Files.setLastModifiedTime(crashed, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
		Path inProgress = Files.writeString(root.resolve(".tmp").resolve(UUID.randomUUID() + ".part"), "another node writing");
		LocalDiskMediaStore restarted = new LocalDiskMediaStore(root);
		assertThat(restarted.exists(key)).isFalse();
		assertThat(crashed).doesNotExist();
		assertThat(inProgress).as("young: maybe another node's write in progress on a shared folder").exists();
	}

	@Test
	void refuses_keys_that_could_leave_its_folder() throws IOException {
		LocalDiskMediaStore store = new LocalDiskMediaStore(root);
		assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.put("/tmp/x", new ByteArrayInputStream(new byte[1])))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
