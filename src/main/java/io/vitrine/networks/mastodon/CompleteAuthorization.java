package io.vitrine.networks.mastodon;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.internal.OAuthClients;
import io.vitrine.networks.internal.PendingAuthorizations;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The instance sent the person back: check the state is theirs and fresh, exchange the code for a
 * token, then read and save the account like a pasted token.
 */
@Component
class CompleteAuthorization {

	/** Where to go back after a failure, when the attempt could be identified. */
	static final class Failed extends RuntimeException {

		final UUID workspaceId;

		Failed(UUID workspaceId, String message) {
			super(message);
			this.workspaceId = workspaceId;
		}
	}

	private final MastodonApi api;

	private final OAuthClients clients;

	private final PendingAuthorizations pending;

	private final MastodonAccounts accounts;

	private final WorkspaceAccess access;

	CompleteAuthorization(MastodonApi api, OAuthClients clients, PendingAuthorizations pending, MastodonAccounts accounts,
			WorkspaceAccess access) {
		this.api = api;
		this.clients = clients;
		this.pending = pending;
		this.accounts = accounts;
		this.access = access;
	}

	ConnectionView complete(CurrentUser user, String state, String code, String error, String errorDescription) {
		PendingAuthorizations.Pending attempt = pending.take(state, user.id())
			.orElseThrow(() -> new Failed(null, "This connection attempt has expired, was already used, or was started "
					+ "by someone else. Start again from the connections page."));
		UUID workspace = attempt.workspaceId();
		String server = attempt.serverUrl();
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspace), "connect accounts");
		if (error != null && !error.isBlank()) {
			throw new Failed(workspace, "access_denied".equals(error)
					? "Vitrine was not given access on " + server + "; no account was connected."
					: server + " did not authorize Vitrine: " + Optional.ofNullable(errorDescription).orElse(error));
		}
		if (code == null || code.isBlank()) {
			throw new Failed(workspace, server + " sent you back without an authorization code; no account was connected.");
		}
		Credentials client = clients.find(MastodonConnector.ID, server, attempt.redirectUri())
			.orElseThrow(() -> new Failed(workspace, "Vitrine's registration on " + server + " is gone. Start again."));
		try {
			OutboundResponse response = MastodonInstances.call(server, () -> api.token(server,
					client.require(StartAuthorization.CLIENT_ID), client.require(StartAuthorization.CLIENT_SECRET), code,
					attempt.redirectUri(), attempt.secrets().get(StartAuthorization.CODE_VERIFIER).orElse(null)));
			String token = api.parse(response)
				.filter(b -> response.successful())
				.map(b -> MastodonApi.text(b, "access_token"))
				.orElse(null);
			if (token == null) {
				String reason = api.parse(response).map(b -> MastodonApi.text(b, "error_description"))
					.filter(d -> !d.isBlank())
					.orElse(api.errorOf(response));
				if ("invalid_client".equals(api.errorOf(response))) {
					clients.forget(MastodonConnector.ID, server, attempt.redirectUri());
					throw new Failed(workspace, server + " no longer knows Vitrine's registration. Start again.");
				}
				throw new Failed(workspace, server + " refused the authorization (" + reason + "); no account was connected.");
			}
			return accounts.save(workspace, server, token, "code");
		}
		catch (InvalidInput e) {
			throw new Failed(workspace, e.problems().get(0).message());
		}
	}
}
