package io.vitrine.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One target as people and API clients see it.
 *
 * @param fields values of the network's own fields (see the connector's variantFields), by name
 * @param pendingRef what an asynchronous network gave to follow the post while it is pending
 */
public record TargetView(UUID id, UUID postId, UUID workspaceId, UUID connectionId, String text, String link, List<ImageView> images,
		TargetState state, Instant dueAt, Instant notBefore, int attempts, String remoteId, String remoteUrl,
		String failureReason, Instant publishedAt, Instant updatedAt, Map<String, String> fields, String pendingRef) {

	public TargetView {
		fields = fields == null ? Map.of() : Map.copyOf(fields);
	}

	/** Without network fields nor pending reference, as before they existed. */
	public TargetView(UUID id, UUID postId, UUID workspaceId, UUID connectionId, String text, String link, List<ImageView> images,
			TargetState state, Instant dueAt, Instant notBefore, int attempts, String remoteId, String remoteUrl,
			String failureReason, Instant publishedAt, Instant updatedAt) {
		this(id, postId, workspaceId, connectionId, text, link, images, state, dueAt, notBefore, attempts, remoteId, remoteUrl,
				failureReason, publishedAt, updatedAt, Map.of(), null);
	}

	/** The same target with other images (they are read apart from the row). */
	public TargetView withImages(List<ImageView> images) {
		return new TargetView(id, postId, workspaceId, connectionId, text, link, images, state, dueAt, notBefore, attempts,
				remoteId, remoteUrl, failureReason, publishedAt, updatedAt, fields, pendingRef);
	}

	public record ImageView(UUID mediaId, String altText) {
	}
}
