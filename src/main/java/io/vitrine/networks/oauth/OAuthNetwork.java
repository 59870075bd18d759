package io.vitrine.networks.oauth;

import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import java.util.List;
import java.util.Map;
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

	/**
	 * Every identity these tokens may publish as: the member and the pages they manage on
	 * LinkedIn, the Pages of a Facebook user, a person's boards or channels. When there are several,
	 * the person chooses which to connect ({@link AccountChoices}); one is connected at once.
	 *
	 * @throws ConnectFailed when the network does not answer with an account
	 */
	default List<NewConnection> accounts(TokenSet tokens) {
		return List.of(account(tokens));
	}

	/**
	 * Whether the authorization uses PKCE (S256). X requires it; LinkedIn's web (confidential) apps
	 * use the plain authorization code with the client secret.
	 */
	default boolean pkce() {
		return true;
	}

	/**
	 * Parameters of the authorization address beyond OAuth's own, e.g. Google's {@code access_type=offline} and
	 * {@code prompt=consent}, without which Google gives no refresh token.
	 */
	default Map<String, String> authorizationParameters() {
		return Map.of();
	}

	/** The network answered the connect flow with something other than an account. */
	final class ConnectFailed extends RuntimeException {

		public ConnectFailed(String message) {
			super(message, null, false, false);
		}
	}
}
