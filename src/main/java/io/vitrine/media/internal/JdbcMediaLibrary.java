package io.vitrine.media.internal;

import io.vitrine.media.CropPreset;
import io.vitrine.media.MediaItem;
import io.vitrine.media.MediaLibrary;
import io.vitrine.media.MediaStore;
import io.vitrine.media.MediaUsers;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The library's facts in the database; the files themselves in the {@link MediaStore}. */
@Component
class JdbcMediaLibrary implements MediaLibrary {

	static final int MAX_ALT_TEXT = 1500;

	private static final String COLUMNS = "id, workspace_id, file_name, content_type, size_bytes, width, height, duration_ms,"
			+ " codec, sha256, alt_text, derived_from, thumbnail_key, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MediaStore store;

	private final IncomingFiles incoming;

	private final TransactionTemplate transaction;

	private final ObjectProvider<MediaUsers> users;

	JdbcMediaLibrary(JdbcClient jdbc, Clock clock, MediaStore store, IncomingFiles incoming,
			TransactionTemplate transaction, ObjectProvider<MediaUsers> users) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.store = store;
		this.incoming = incoming;
		this.transaction = transaction;
		this.users = users;
	}

	@Override
	public MediaItem store(UUID workspaceId, String fileName, InputStream content) {
		try (IncomingFiles.Incoming file = incoming.receive(content)) {
			return keep(workspaceId, fileName, file, null);
		}
	}

	/** File first, row second: a crash in between leaves an orphan file, never a row without its file. */
	private MediaItem keep(UUID workspaceId, String fileName, IncomingFiles.Incoming file, UUID derivedFrom) {
		MediaProbe.Probed probed = MediaProbe.probe(file.path());
		UUID id = io.vitrine.shared.Ids.next();
		String key = MediaKeys.file(id);
		String thumbnailKey = null;
		try {
			try (InputStream in = file.open()) {
				store.put(key, in);
			}
			if (!probed.isVideo()) {
				Optional<byte[]> thumbnail;
				try (InputStream in = file.open()) {
					thumbnail = ImageEdits.thumbnail(in);
				}
				if (thumbnail.isPresent()) {
					thumbnailKey = MediaKeys.thumbnail(id);
					store.put(thumbnailKey, new ByteArrayInputStream(thumbnail.get()));
				}
			}
			jdbc.sql("insert into media (id, workspace_id, file_name, content_type, size_bytes, width, height, duration_ms, codec,"
					+ " sha256, storage_key, thumbnail_key, derived_from, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id, workspaceId, name(fileName, probed), probed.contentType(), file.size(), probed.width(),
						probed.height(), probed.durationMillis(), probed.codec(), file.sha256(), key, thumbnailKey, derivedFrom,
						now())
				.update();
		}
		catch (IOException | RuntimeException e) {
			forget(key);
			if (thumbnailKey != null) {
				forget(thumbnailKey);
			}
			if (e instanceof IOException io) {
				throw new UncheckedIOException("could not store media " + id, io);
			}
			throw (RuntimeException) e;
		}
		return get(workspaceId, id);
	}

	@Override
	public MediaItem get(UUID workspaceId, UUID mediaId) {
		return withTags(jdbc.sql("select " + COLUMNS + " from media where id = ? and workspace_id = ? and deleted_at is null")
			.params(mediaId, workspaceId)
			.query(JdbcMediaLibrary::item)
			.list()).stream().findFirst().orElseThrow(() -> new NotFound("media " + mediaId));
	}

	@Override
	public List<MediaItem> list(UUID workspaceId) {
		return search(workspaceId, null, null);
	}

	@Override
	public List<MediaItem> search(UUID workspaceId, String text, String tag) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from media m where workspace_id = ? and deleted_at is null");
		List<Object> params = new ArrayList<>(List.of(workspaceId));
		if (text != null && !text.isBlank()) {
			String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			sql.append(" and (lower(file_name) like ? escape '\\' or lower(alt_text) like ? escape '\\'"
					+ " or exists (select 1 from media_tag t where t.media_id = m.id and t.tag like ? escape '\\'))");
			params.addAll(List.of(like, like, like));
		}
		if (tag != null && !tag.isBlank()) {
			sql.append(" and exists (select 1 from media_tag t where t.media_id = m.id and t.tag = ?)");
			params.add(Tags.normalize(tag));
		}
		sql.append(" order by created_at desc, id desc limit 500");
		return withTags(jdbc.sql(sql.toString()).params(params).query(JdbcMediaLibrary::item).list());
	}

	@Override
	public MediaItem describe(UUID workspaceId, UUID mediaId, String altText, List<String> tags) {
		String alt = altText == null || altText.isBlank() ? null : altText.strip();
		if (alt != null && alt.length() > MAX_ALT_TEXT) {
			throw InvalidInput.of("altText", "max-length", "is longer than " + MAX_ALT_TEXT + " characters");
		}
		List<String> normalized = Tags.parse("tags", tags);
		transaction.executeWithoutResult(status -> {
			int updated = jdbc.sql("update media set alt_text = ? where id = ? and workspace_id = ? and deleted_at is null")
				.params(alt, mediaId, workspaceId)
				.update();
			if (updated == 0) {
				throw new NotFound("media " + mediaId);
			}
			jdbc.sql("delete from media_tag where media_id = ?").param(mediaId).update();
			for (String tag : normalized) {
				jdbc.sql("insert into media_tag (media_id, tag) values (?, ?)").params(mediaId, tag).update();
			}
		});
		return get(workspaceId, mediaId);
	}

	@Override
	public MediaItem crop(UUID workspaceId, UUID mediaId, CropPreset preset, double offset) {
		if (!(offset >= 0 && offset <= 1)) {
			throw InvalidInput.of("offset", "range", "must be between 0 and 1 (0.5 is the centre)");
		}
		MediaItem source = get(workspaceId, mediaId);
		if (!source.isImage()) {
			throw InvalidInput.of("mediaId", "image", "only images can be cropped");
		}
		try {
			BufferedImage cut = ImageEdits.crop(ImageEdits.decode(new ByteArrayInputStream(content(mediaId))), preset, offset);
			boolean jpeg = source.contentType().equals("image/jpeg");
			byte[] encoded = jpeg ? ImageEdits.jpeg(cut, 0.92f) : ImageEdits.png(cut);
			try (IncomingFiles.Incoming file = incoming.receive(new ByteArrayInputStream(encoded))) {
				MediaItem cropped = keep(workspaceId, croppedName(source.fileName(), preset, jpeg ? ".jpg" : ".png"), file, source.id());
				return source.altText() == null && source.tags().isEmpty() ? cropped
						: describe(workspaceId, cropped.id(), source.altText(), source.tags());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void delete(UUID workspaceId, UUID mediaId) {
		MediaItem item = transaction.execute(status -> {
			// The row lock makes a post being saved with this file (its foreign key takes a share lock on the row
			// on PostgreSQL) either finish first, and be counted below, or wait until the file is marked deleted.
			List<UUID> locked = jdbc.sql("select id from media where id = ? and workspace_id = ? and deleted_at is null for update")
				.params(mediaId, workspaceId)
				.query(UUID.class)
				.list();
			if (locked.isEmpty()) {
				throw new NotFound("media " + mediaId);
			}
			int uses = users.orderedStream().mapToInt(u -> u.unfinishedUses(mediaId)).sum();
			if (uses > 0) {
				throw InvalidInput.of("mediaId", "in-use", "is used by " + uses + (uses == 1 ? " post" : " posts")
						+ " not yet published; cancel or publish " + (uses == 1 ? "it" : "them") + " first");
			}
			MediaItem found = get(workspaceId, mediaId);
			jdbc.sql("update media set deleted_at = ? where id = ?").params(now(), mediaId).update();
			return found;
		});
		forget(MediaKeys.file(item.id()));
		forget(MediaKeys.thumbnail(item.id()));
	}

	@Override
	public byte[] content(UUID mediaId) {
		Map<String, Object> row = jdbc.sql("select storage_key, content from media where id = ?").param(mediaId).query().singleRow();
		String key = (String) row.get("storage_key");
		if (key == null) {
			// Not yet moved out of the database by MoveMediaOutOfDatabase.
			return (byte[]) row.get("content");
		}
		try (InputStream in = store.open(key)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("media " + mediaId + " is missing from the media store", e);
		}
	}

	@Override
	public byte[] content(UUID mediaId, long offset, int length) {
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException("offset and length must not be negative");
		}
		Map<String, Object> row = jdbc.sql("select storage_key, content from media where id = ?").param(mediaId).query().singleRow();
		String key = (String) row.get("storage_key");
		if (key == null) {
			byte[] all = (byte[]) row.get("content");
			int from = (int) Math.min(all.length, offset);
			return Arrays.copyOfRange(all, from, (int) Math.min(all.length, from + (long) length));
		}
		try (InputStream in = store.open(key)) {
			in.skipNBytes(offset); // a file on disk seeks
			return in.readNBytes(length);
		}
		catch (java.io.EOFException pastTheEnd) {
			return new byte[0];
		}
		catch (IOException e) {
			throw new UncheckedIOException("media " + mediaId + " is missing from the media store", e);
		}
	}

	@Override
	public Optional<byte[]> thumbnail(UUID workspaceId, UUID mediaId) {
		get(workspaceId, mediaId);
		String key = jdbc.sql("select thumbnail_key from media where id = ?").param(mediaId).query(String.class).optional().orElse(null);
		if (key == null) {
			return Optional.empty();
		}
		try (InputStream in = store.open(key)) {
			return Optional.of(in.readAllBytes());
		}
		catch (IOException e) {
			return Optional.empty();
		}
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
				.params(mediaId, scope, remoteRef, now())
				.update();
		}
		catch (DuplicateKeyException alreadyRemembered) {
			// Two attempts raced to upload the same file; either reference is valid, keep the first.
		}
	}

	private void forget(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException e) {
			// An orphan file wastes space but loses nothing; the row is what counts.
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private List<MediaItem> withTags(List<MediaItem> items) {
		if (items.isEmpty()) {
			return items;
		}
		Map<UUID, List<String>> tags = new LinkedHashMap<>();
		String marks = String.join(", ", items.stream().map(i -> "?").toList());
		jdbc.sql("select media_id, tag from media_tag where media_id in (" + marks + ") order by tag")
			.params(items.stream().map(MediaItem::id).map(Object.class::cast).toList())
			.query(rs -> {
				tags.computeIfAbsent(rs.getObject("media_id", UUID.class), k -> new ArrayList<>()).add(rs.getString("tag"));
			});
		return items.stream()
			.map(i -> new MediaItem(i.id(), i.workspaceId(), i.fileName(), i.contentType(), i.sizeBytes(), i.width(), i.height(),
					i.durationMillis(), i.codec(), i.sha256(), i.altText(), tags.getOrDefault(i.id(), List.of()), i.derivedFrom(),
					i.thumbnail(), i.createdAt()))
			.toList();
	}

	private static MediaItem item(ResultSet rs, int row) throws SQLException {
		return new MediaItem(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				(Integer) rs.getObject("width"), (Integer) rs.getObject("height"),
				rs.getObject("duration_ms") == null ? null : rs.getLong("duration_ms"), rs.getString("codec"),
				rs.getString("sha256"), rs.getString("alt_text"), List.of(), rs.getObject("derived_from", UUID.class),
				rs.getString("thumbnail_key") != null, rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static String name(String fileName, MediaProbe.Probed probed) {
		String name = fileName == null || fileName.isBlank() ? (probed.isVideo() ? "video" : "image") : fileName.strip();
		// Only the last path segment: some browsers send the whole client path.
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		return name.isBlank() ? "file" : name.length() > 255 ? name.substring(0, 255) : name;
	}

	private static String croppedName(String original, CropPreset preset, String extension) {
		int dot = original.lastIndexOf('.');
		String base = dot > 0 ? original.substring(0, dot) : original;
		return base + " (" + preset.ratio() + ")" + extension;
	}
}
