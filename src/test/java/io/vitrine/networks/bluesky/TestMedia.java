package io.vitrine.networks.bluesky;

import io.vitrine.networks.PublishRequest;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Image bytes by id, and the memory of uploads, as the media library keeps them. */
final class TestMedia implements PublishRequest.MediaAccess {

	final Map<UUID, byte[]> files = new ConcurrentHashMap<>();

	final Map<String, String> uploads = new ConcurrentHashMap<>();

	final AtomicInteger reads = new AtomicInteger();

	UUID add(byte[] content) {
		UUID id = UUID.randomUUID();
		files.put(id, content);
		return id;
	}

	@Override
	public byte[] read(UUID mediaId) {
		reads.incrementAndGet();
		return files.get(mediaId);
	}

	@Override
	public Optional<String> uploaded(UUID mediaId, String scope) {
		return Optional.ofNullable(uploads.get(mediaId + " " + scope));
	}

	@Override
	public void rememberUpload(UUID mediaId, String scope, String remoteRef) {
		uploads.put(mediaId + " " + scope, remoteRef);
	}
}
