package io.vitrine.networks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The connected accounts of workspaces. Every read is scoped by workspace except the engine's. */
public interface Connections {

	List<ConnectionView> list(UUID workspaceId);

	/** @throws io.vitrine.shared.NotFound when absent or of another workspace */
	ConnectionView get(UUID workspaceId, UUID connectionId);

	/** For the publishing engine only: the account with its decrypted credentials. */
	Channel openChannel(UUID connectionId);

	void markNeedsReconnect(UUID connectionId, String reason);

	/** The network asked us to wait (rate limit): nothing is sent on this account before {@code until}. */
	void pauseUntil(UUID connectionId, Instant until, String reason);
}
