package io.vitrine.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One target as people and API clients see it. */
public record TargetView(UUID id, UUID postId, UUID workspaceId, UUID connectionId, String text, String link, List<ImageView> images,
		TargetState state, Instant dueAt, Instant notBefore, int attempts, String remoteId, String remoteUrl,
		String failureReason, Instant publishedAt, Instant updatedAt) {

	public record ImageView(UUID mediaId, String altText) {
	}
}
