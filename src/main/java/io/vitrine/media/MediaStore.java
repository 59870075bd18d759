package io.vitrine.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where media files live, by key. The local disk is the default; an S3-compatible bucket would be
 * another implementation of this interface (a bean replacing the local one), nothing else changes.
 * <p>
 * Rule every implementation keeps: a key is either absent or holds the complete file. A write cut
 * short (crash, full disk, broken upload) never leaves a partial object under the key, and a key
 * is written before the database row that points to it, so the database never points to half a file.
 */
public interface MediaStore {

	/** Stores the whole stream under the key (replacing what was there), durably, before returning. */
	void put(String key, InputStream content) throws IOException;

	/** @throws java.nio.file.NoSuchFileException when the key holds nothing */
	InputStream open(String key) throws IOException;

	boolean exists(String key);

	/** Removes the key; absent is fine. */
	void delete(String key) throws IOException;
}
