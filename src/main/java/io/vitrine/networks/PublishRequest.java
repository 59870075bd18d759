package io.vitrine.networks;

import java.util.Optional;
import java.util.UUID;

/**
 * @param targetId the (post, account) pair being published
 * @param idempotencyKey always set; stored before any side effect and stable across retries
 * @param variant what to publish
 * @param media reads image bytes and remembers what was already uploaded
 */
public record PublishRequest(UUID targetId, String idempotencyKey, PostVariant variant, MediaAccess media) {

	public interface MediaAccess {

		byte[] read(UUID mediaId);

		/**
		 * At most {@code length} bytes from {@code offset} (fewer at the end of the file): a connector that uploads a
		 * video in parts reads one part at a time, so a large video never sits whole in memory.
		 */
		default byte[] read(UUID mediaId, long offset, int length) {
			byte[] all = read(mediaId);
			int from = (int) Math.min(all.length, offset);
			return java.util.Arrays.copyOfRange(all, from, (int) Math.min(all.length, from + (long) length));
		}

		/** A network reference (blob, media id) from an earlier upload in this scope, if any. */
		Optional<String> uploaded(UUID mediaId, String scope);

		void rememberUpload(UUID mediaId, String scope, String remoteRef);
	}
}
