package io.vitrine.media.internal;

import io.vitrine.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves the bytes that earlier versions kept in {@code media.content} into the {@link MediaStore}, once,
 * in the background after start (reads fall back to the column meanwhile). Each row: the file is written
 * durably first, then one update sets its key and empties the column; a crash between the two only
 * means the same file is written again next time. Several nodes may run it at once: they write the same
 * bytes under the same key, and the update only applies while the row still has no key.
 */
@Component
class MoveMediaOutOfDatabase {

	private static final Logger log = LoggerFactory.getLogger(MoveMediaOutOfDatabase.class);

	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final MediaStore store;

	MoveMediaOutOfDatabase(JdbcClient jdbc, MediaStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	@EventListener(ApplicationReadyEvent.class)
	void inTheBackground() {
		Thread.ofVirtual().name("media-move").start(() -> {
			try {
				int moved = moveAll();
				if (moved > 0) {
					log.info("moved {} media files out of the database into the media store", moved);
				}
			}
			catch (RuntimeException e) {
				log.warn("moving media out of the database stopped; it resumes on the next start", e);
			}
		});
	}

	/** @return how many files this call moved */
	int moveAll() {
		int moved = 0;
		for (List<UUID> batch = waiting(); !batch.isEmpty(); batch = waiting()) {
			for (UUID id : batch) {
				moved += move(id) ? 1 : 0;
			}
		}
		return moved;
	}

	private List<UUID> waiting() {
		return jdbc.sql("select id from media where storage_key is null and content is not null order by id limit " + BATCH)
			.query(UUID.class)
			.list();
	}

	private boolean move(UUID id) {
		Optional<byte[]> content = jdbc.sql("select content from media where id = ? and storage_key is null")
			.param(id)
			.query(byte[].class)
			.optional();
		if (content.isEmpty() || content.get() == null) {
			return false;
		}
		String key = MediaKeys.file(id);
		String thumbnailKey = null;
		try {
			store.put(key, new ByteArrayInputStream(content.get()));
			Optional<byte[]> thumbnail = ImageEdits.thumbnail(new ByteArrayInputStream(content.get()));
			if (thumbnail.isPresent()) {
				thumbnailKey = MediaKeys.thumbnail(id);
				store.put(thumbnailKey, new ByteArrayInputStream(thumbnail.get()));
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("could not write media " + id + " to the media store", e);
		}
		return jdbc.sql("update media set storage_key = ?, thumbnail_key = ?, content = null where id = ? and storage_key is null")
			.params(key, thumbnailKey, id)
			.update() == 1;
	}
}
