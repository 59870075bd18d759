package io.vitrine.networks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The connected accounts of workspaces. Every read is scoped by workspace except the engine's. */
public interface Connections {

	/** The workspace's accounts, disconnected ones left out. */
	List<ConnectionView> list(UUID workspaceId);

	/** @throws io.vitrine.shared.NotFound when absent or of another workspace */
	ConnectionView get(UUID workspaceId, UUID connectionId);

	/**
	 * For the publishing engine only: the account with its decrypted credentials.
	 *
	 * @throws io.vitrine.shared.NotFound when absent or disconnected
	 */
	Channel openChannel(UUID connectionId);

	/**
	 * For the publishing engine only: {@link #get} and {@link #openChannel} in one read of the account, the channel
	 * left out when the account is disconnected.
	 *
	 * @throws io.vitrine.shared.NotFound when absent or of another workspace
	 */
	default AccountForSending forSending(UUID workspaceId, UUID connectionId) {
		ConnectionView view = get(workspaceId, connectionId);
		return new AccountForSending(view, view.status() == ConnectionStatus.DISCONNECTED ? null : openChannel(connectionId));
	}

	void markNeedsReconnect(UUID connectionId, String reason);

	/** The network asked us to wait (rate limit): nothing is sent on this account before {@code until}. */
	void pauseUntil(UUID connectionId, Instant until, String reason);

	/**
	 * Saves an account a connect flow has verified (credentials encrypted). Reconnecting an account
	 * already saved in this workspace replaces its credentials, handle and limits and makes it active.
	 */
	ConnectionView connect(UUID workspaceId, NewConnection connection);

	/**
	 * Erases the credentials and hides the account from the list; past posts keep naming it.
	 *
	 * @throws io.vitrine.shared.NotFound when absent or of another workspace
	 */
	void disconnect(UUID workspaceId, UUID connectionId);

	/**
	 * The zone this account's times are shown and scheduled in; {@code null} falls back to the workspace's.
	 *
	 * @throws io.vitrine.shared.NotFound when absent or of another workspace
	 */
	ConnectionView setTimeZone(UUID workspaceId, UUID connectionId, ZoneId zone);
}
