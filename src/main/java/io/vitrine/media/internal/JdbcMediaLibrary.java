package io.vitrine.media.internal;

import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class JdbcMediaLibrary implements MediaLibrary {

	private static final String COLUMNS = "id, workspace_id, file_name, content_type, size_bytes, width, height, sha256, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcMediaLibrary(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public MediaItem store(UUID workspaceId, String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw InvalidInput.of("file", "required", "is empty");
		}
		ImageProbe.Probed probed = ImageProbe.probe(content);
		UUID id = Ids.next();
		String name = fileName == null || fileName.isBlank() ? "image" : fileName.strip();
		if (name.length() > 255) {
			name = name.substring(0, 255);
		}
		jdbc.sql("insert into media (id, workspace_id, file_name, content_type, size_bytes, width, height, sha256, content, created_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, workspaceId, name, probed.contentType(), (long) content.length, probed.width(), probed.height(),
					sha256(content), content, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		return get(workspaceId, id);
	}

	@Override
	public MediaItem get(UUID workspaceId, UUID mediaId) {
		return jdbc.sql("select " + COLUMNS + " from media where id = ? and workspace_id = ?")
			.params(mediaId, workspaceId)
			.query(JdbcMediaLibrary::item)
			.optional()
			.orElseThrow(() -> new NotFound("media " + mediaId));
	}

	@Override
	public List<MediaItem> list(UUID workspaceId) {
		return jdbc.sql("select " + COLUMNS + " from media where workspace_id = ? order by id desc")
			.param(workspaceId)
			.query(JdbcMediaLibrary::item)
			.list();
	}

	@Override
	public byte[] content(UUID mediaId) {
		return jdbc.sql("select content from media where id = ?").param(mediaId).query(byte[].class).single();
	}

	@Override
	public Optional<String> uploaded(UUID mediaId, String scope) {
		return jdbc.sql("select remote_ref from media_upload where media_id = ? and scope = ?")
			.params(mediaId, scope)
			.query(String.class)
			.optional();
	}

	@Override
	public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
		try {
			jdbc.sql("insert into media_upload (media_id, scope, remote_ref, created_at) values (?, ?, ?, ?)")
				.params(mediaId, scope, remoteRef, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException alreadyRemembered) {
			// Two attempts raced to upload the same file; either reference is valid, keep the first.
		}
	}

	private static MediaItem item(ResultSet rs, int row) throws SQLException {
		return new MediaItem(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				(Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getString("sha256"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
