package io.vitrine.networks.pinterest;

import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PublishRequest;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** One connected Pinterest board as the database keeps it; each {@link #open()} is what the engine gets for one send. */
final class PinterestTestChannels {

	final UUID id = UUID.randomUUID();

	final String boardId;

	final AtomicReference<Credentials> stored;

	PinterestTestChannels(String boardId, Map<String, String> credentials) {
		this.boardId = boardId;
		this.stored = new AtomicReference<>(new Credentials(credentials));
	}

	Channel open() {
		Credentials snapshot = stored.get();
		return new Channel() {
			@Override
			public UUID id() {
				return id;
			}

			@Override
			public NetworkId network() {
				return PinterestConnector.ID;
			}

			@Override
			public String serverUrl() {
				return PinterestOAuth.SERVER;
			}

			@Override
			public String remoteAccountId() {
				return boardId;
			}

			@Override
			public String handle() {
				return "Nos pains";
			}

			@Override
			public NetworkLimits limits() {
				return PinterestRules.LIMITS;
			}

			@Override
			public Credentials credentials() {
				return snapshot;
			}

			@Override
			public void updateCredentials(Credentials updated) {
				stored.set(updated);
			}
		};
	}

	/** Image bytes and remembered uploads, as the publishing engine keeps them. */
	static final class Media implements PublishRequest.MediaAccess {

		final Map<UUID, byte[]> files = new ConcurrentHashMap<>();

		final Map<String, String> uploads = new ConcurrentHashMap<>();

		@Override
		public byte[] read(UUID mediaId) {
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
}
