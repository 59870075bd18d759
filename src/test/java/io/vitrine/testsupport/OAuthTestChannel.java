package io.vitrine.testsupport;

import io.vitrine.networks.Channel;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PublishRequest;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connected OAuth account as the database keeps it; each {@link #open()} is what the engine gets for
 * one send: the credentials of that moment, and a save that lands in {@link #stored} (counted in {@link #saves}).
 */
public class OAuthTestChannel {

	public final UUID id = UUID.randomUUID();

	public final AtomicReference<Credentials> stored;

	public final AtomicInteger saves = new AtomicInteger();

	private final NetworkId network;

	private final String serverUrl;

	private final String remoteAccountId;

	private final String handle;

	private final NetworkLimits limits;

	public OAuthTestChannel(NetworkId network, String serverUrl, String remoteAccountId, String handle, NetworkLimits limits,
			Map<String, String> credentials) {
		this.network = network;
		this.serverUrl = serverUrl;
		this.remoteAccountId = remoteAccountId;
		this.handle = handle;
		this.limits = limits;
		this.stored = new AtomicReference<>(new Credentials(credentials));
	}

	public Channel open() {
		Credentials snapshot = stored.get();
		return new Channel() {
			@Override
			public UUID id() {
				return id;
			}

			@Override
			public NetworkId network() {
				return network;
			}

			@Override
			public String serverUrl() {
				return serverUrl;
			}

			@Override
			public String remoteAccountId() {
				return remoteAccountId;
			}

			@Override
			public String handle() {
				return handle;
			}

			@Override
			public NetworkLimits limits() {
				return limits;
			}

			@Override
			public Credentials credentials() {
				return snapshot;
			}

			@Override
			public void updateCredentials(Credentials updated) {
				saves.incrementAndGet();
				stored.set(updated);
			}
		};
	}

	/** Media bytes and remembered uploads, as the publishing engine keeps them. */
	public static class Media implements PublishRequest.MediaAccess {

		public final Map<UUID, byte[]> files = new ConcurrentHashMap<>();

		public final Map<String, String> uploads = new ConcurrentHashMap<>();

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
