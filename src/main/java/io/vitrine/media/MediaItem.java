package io.vitrine.media;

import java.time.Instant;
import java.util.UUID;

/** An uploaded file's facts, read from the file itself (never trusted from the client). */
public record MediaItem(UUID id, UUID workspaceId, String fileName, String contentType, long sizeBytes, Integer width,
		Integer height, String sha256, Instant createdAt) {
}
