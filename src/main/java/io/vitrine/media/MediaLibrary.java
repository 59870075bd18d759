package io.vitrine.media;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A workspace's images. Files live in the database for now, so every node of a cluster sees them. */
public interface MediaLibrary {

	/** @throws io.vitrine.shared.InvalidInput when the bytes are not an image we can read */
	MediaItem store(UUID workspaceId, String fileName, byte[] content);

	/** @throws io.vitrine.shared.NotFound when absent or of another workspace */
	MediaItem get(UUID workspaceId, UUID mediaId);

	List<MediaItem> list(UUID workspaceId);

	byte[] content(UUID mediaId);

	Optional<String> uploaded(UUID mediaId, String scope);

	void rememberUpload(UUID mediaId, String scope, String remoteRef);
}
