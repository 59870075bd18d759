package io.vitrine.media.internal;

import io.vitrine.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingFilesTest {

	private final IncomingFiles incoming = new IncomingFiles(DataSize.ofKilobytes(1));

	@Test
	void a_file_over_the_limit_is_refused_with_a_message_naming_the_limit_and_its_setting() {
		assertThatThrownBy(() -> incoming.receive(new ByteArrayInputStream(new byte[1025])))
			.isInstanceOfSatisfying(InvalidInput.class, e -> {
				assertThat(e.problems().getFirst().field()).isEqualTo("file");
				assertThat(e.problems().getFirst().rule()).isEqualTo("max-size");
				assertThat(e.problems().getFirst().message()).isEqualTo("is larger than the upload limit of 1 KB (VITRINE_MAX_UPLOAD_SIZE)");
			});
	}

	@Test
	void a_file_at_the_limit_is_received_counted_and_hashed_and_its_copy_removed_when_done() {
		Path copy;
		try (IncomingFiles.Incoming file = incoming.receive(new ByteArrayInputStream(new byte[1024]))) {
			assertThat(file.size()).isEqualTo(1024);
			assertThat(file.sha256()).isEqualTo("5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
			copy = file.path();
			assertThat(copy).exists();
		}
		assertThat(copy).doesNotExist();
	}

	@Test
	void an_empty_file_is_refused() {
		assertThatThrownBy(() -> incoming.receive(new ByteArrayInputStream(new byte[0])))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().rule()).isEqualTo("required"));
	}
}
