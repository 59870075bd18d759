package io.vitrine.networks.oauth;

import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import java.util.Optional;

/**
 * A network whose OAuth 2 authorization server is fixed (X now; LinkedIn, Meta, TikTok, Google,
 * Pinterest later), as its own package describes it to the shared connect flow. The flow itself
 * (state, PKCE, code exchange, refresh) lives here once; the network only says where its servers
 * are and how to read the account a token belongs to.
 */
public interface OAuthNetwork {

	NetworkId id();

	String displayName();

	/**
	 * The operator's app on the network (client id and secret from the environment, endpoints,
	 * scopes). Empty when no client id is configured: the network is then not offered.
	 */
	Optional<ClientRegistration> registration();

	/**
	 * Reads the account the brand-new tokens belong to, ready to be saved.
	 *
	 * @throws ConnectFailed when the network does not answer with an account
	 */
	NewConnection account(TokenSet tokens);

	/** The network answered the connect flow with something other than an account. */
	final class ConnectFailed extends RuntimeException {

		public ConnectFailed(String message) {
			super(message, null, false, false);
		}
	}
}
