package io.vitrine.media.internal;

import io.vitrine.media.MediaLibrary;
import io.vitrine.shared.Ids;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestMedia;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A row as versions before the media store wrote it: its bytes in media.content; whole or in parts. */
@WebContract
class MoveMediaOutOfDatabaseTest implements OnH2 {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaLibrary library;

	@Autowired
	MoveMediaOutOfDatabase move;

	@Test
	void bytes_kept_in_the_database_are_read_until_moved_then_read_from_the_store_and_the_column_is_emptied() {
		People people = new People(context, mvc);
		WorkspaceSummary workspace = people.workspace(people.person("Olivia Old"), "Before the store");
		byte[] png = TestMedia.png(200, 100);
		UUID id = Ids.next();
		jdbc.sql("insert into media (id, workspace_id, file_name, content_type, size_bytes, width, height, sha256, content, created_at)"
				+ " values (?, ?, 'old.png', 'image/png', ?, 200, 100, 'x', ?, ?)")
			.params(id, workspace.id(), png.length, png, OffsetDateTime.parse("2026-01-01T00:00:00Z"))
			.update();
		assertThat(library.content(id)).as("not moved yet: read from the column").isEqualTo(png);
		assertThat(library.content(id, 10, 20)).isEqualTo(Arrays.copyOfRange(png, 10, 30));

		assertThat(move.moveAll()).isGreaterThanOrEqualTo(1);

		Map<String, Object> row = jdbc.sql("select storage_key, content from media where id = ?").param(id).query().singleRow();
		assertThat(row.get("storage_key")).isEqualTo(MediaKeys.file(id));
		assertThat(row.get("content")).isNull();
		assertThat(library.content(id)).isEqualTo(png);
		assertThat(library.content(id, 10, 20)).as("a part, read from the store").isEqualTo(Arrays.copyOfRange(png, 10, 30));
		assertThat(library.content(id, png.length - 5, 20)).as("fewer at the end").isEqualTo(Arrays.copyOfRange(png, png.length - 5, png.length));
		assertThat(library.content(id, png.length + 100, 20)).as("none past the end").isEmpty();
		assertThat(library.thumbnail(workspace.id(), id)).isPresent();
		assertThat(move.moveAll()).as("nothing left to move").isZero();
	}
}
