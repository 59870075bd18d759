package io.vitrine.networks.oauth;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.internal.PendingAuthorizations;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The network sent the person back: check the state is theirs, fresh and unused, exchange the
 * code (with the PKCE verifier) for tokens, read the account and save it, tokens encrypted.
 */
@Component
class CompleteOAuth {

	/** Where to go back after a failure, when the attempt could be identified. */
	static final class Failed extends RuntimeException {

		final UUID workspaceId;

		Failed(UUID workspaceId, String message) {
			super(message, null, false, false);
			this.workspaceId = workspaceId;
		}
	}

	/** What the callback leads to: an account connected, or a choice among several identities. */
	sealed interface Outcome {

		UUID workspaceId();
	}

	record Connected(UUID workspaceId, ConnectionView connection) implements Outcome {
	}

	record ChoiceOffered(UUID workspaceId, String network, String choiceId) implements Outcome {
	}

	private final OAuthNetworks networks;

	private final PendingAuthorizations pending;

	private final TokenEndpoint endpoint;

	private final Connections connections;

	private final OAuthTokens tokens;

	private final WorkspaceAccess access;

	private final AccountChoices choices;

	CompleteOAuth(OAuthNetworks networks, PendingAuthorizations pending, TokenEndpoint endpoint, Connections connections,
			OAuthTokens tokens, WorkspaceAccess access, AccountChoices choices) {
		this.choices = choices;
		this.networks = networks;
		this.pending = pending;
		this.endpoint = endpoint;
		this.connections = connections;
		this.tokens = tokens;
		this.access = access;
	}

	Outcome complete(CurrentUser user, String networkName, String state, String code, String error,
			String errorDescription) {
		OAuthNetwork network = networks.configured(networkName);
		// Looked at before it is used up, so a state of another kind (an account choice) is left intact.
		PendingAuthorizations.Pending attempt = pending.peek(state, user.id())
			.filter(p -> p.network().equals(network.id()) && !AccountChoices.isChoice(p))
			.flatMap(p -> pending.take(state, user.id()))
			.orElseThrow(() -> new Failed(null, "This connection attempt has expired, was already used, or was started "
					+ "by someone else. Start again from the connections page."));
		UUID workspace = attempt.workspaceId();
		String name = network.displayName();
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspace), "connect accounts");
		if (error != null && !error.isBlank()) {
			throw new Failed(workspace, "access_denied".equals(error)
					? "Vitrine was not given access on " + name + "; no account was connected."
					: name + " did not authorize Vitrine: " + Optional.ofNullable(errorDescription).orElse(error));
		}
		if (code == null || code.isBlank()) {
			throw new Failed(workspace, name + " sent you back without an authorization code; no account was connected.");
		}
		ClientRegistration registration = network.registration().orElseThrow();
		TokenSet granted;
		try {
			var request = StartOAuth.request(registration, attempt.redirectUri(), state,
					attempt.secrets().get(StartOAuth.CODE_VERIFIER).orElse(null));
			Optional<TokenSet> own = network.exchangeCode(request, code);
			granted = own.isPresent() ? own.get() : endpoint.exchange(registration, request, code);
		}
		catch (OAuthNetwork.RenewalRefused e) {
			throw new Failed(workspace, name + " refused the authorization (" + e.getMessage() + "); no account was connected.");
		}
		catch (OAuthNetwork.RenewalUnavailable e) {
			throw new Failed(workspace, name + " could not complete the authorization (" + e.getMessage()
					+ "); no account was connected. Try again in a moment.");
		}
		catch (TokenEndpoint.TokenRefused e) {
			throw new Failed(workspace, name + " refused the authorization (" + e.getMessage() + "); no account was connected.");
		}
		catch (TokenEndpoint.TokenEndpointUnavailable e) {
			throw new Failed(workspace, name + " could not complete the authorization (" + e.getMessage()
					+ "); no account was connected. Try again in a moment.");
		}
		try {
			List<NewConnection> accounts = network.accounts(granted);
			if (accounts.isEmpty()) {
				throw new Failed(workspace, name + " offered no account to publish as; no account was connected.");
			}
			if (accounts.size() > 1) {
				return new ChoiceOffered(workspace, network.id().value(),
						choices.offer(user.id(), workspace, network.id(), accounts));
			}
			ConnectionView view = connections.connect(workspace, accounts.getFirst());
			tokens.forget(view.id());
			return new Connected(workspace, view);
		}
		catch (OAuthNetwork.ConnectFailed e) {
			throw new Failed(workspace, e.getMessage());
		}
	}
}
