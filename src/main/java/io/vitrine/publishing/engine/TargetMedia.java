package io.vitrine.publishing.engine;

import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishRequest;
import io.vitrine.publishing.TargetView;

import java.util.Optional;
import java.util.UUID;

/** Gives connectors the media bytes (whole, or a part at a time) and the memory of what they already uploaded. */
record TargetMedia(MediaLibrary library) implements PublishRequest.MediaAccess {

	/** The one way a target becomes a request: its id, stored before any send, is its idempotency key. */
	static PublishRequest request(TargetView target, PostVariant variant, MediaLibrary library) {
		return new PublishRequest(target.id(), target.id().toString(), variant, new TargetMedia(library));
	}

	@Override
	public byte[] read(UUID mediaId) {
		return library.content(mediaId);
	}

	@Override
	public byte[] read(UUID mediaId, long offset, int length) {
		return library.content(mediaId, offset, length);
	}

	@Override
	public Optional<String> uploaded(UUID mediaId, String scope) {
		return library.uploaded(mediaId, scope);
	}

	@Override
	public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
		library.rememberUpload(mediaId, scope, remoteRef);
	}
}
