package io.vitrine.networks.oauth;

import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import java.time.Duration;
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
	 * Where the person is sent to approve Vitrine. Networks whose authorization window departs from RFC 6749
	 * (TikTok names the client {@code client_key} and separates scopes with commas) rewrite the standard address.
	 */
	default String authorizationAddress(OAuth2AuthorizationRequest request) {
		return request.getAuthorizationRequestUri();
	}

	/**
	 * The code exchanged by the network itself, for token endpoints that RFC 6749's client cannot speak to (TikTok's
	 * takes {@code client_key}, not {@code client_id}); empty for the standard exchange.
	 *
	 * @throws RenewalRefused when the network refuses the code for good
	 * @throws RenewalUnavailable when it could not be asked
	 */
	default Optional<TokenSet> exchangeCode(OAuth2AuthorizationRequest request, String code) {
		return Optional.empty();
	}

	/**
	 * Whether the access token is renewed by the network's own call instead of an RFC 6749 refresh grant: a
	 * long-lived token that is its own refresh (Threads' {@code th_refresh_token}, Instagram Login's
	 * {@code ig_refresh_token}). Such networks give no refresh token.
	 */
	default boolean renewsAccessToken() {
		return false;
	}

	/**
	 * A fresh access token for {@code current}, for networks that {@link #renewsAccessToken()}.
	 *
	 * @throws RenewalRefused when the network refuses for good (revoked, expired)
	 * @throws RenewalUnavailable when it could not be asked (timeout, 5xx): the connection stays
	 */
	default TokenSet renewAccessToken(TokenSet current) {
		throw new UnsupportedOperationException(displayName() + " renews tokens with a refresh grant");
	}

	/**
	 * How long before expiry tokens are renewed. Short-lived tokens (X: two hours) just ahead of use; a 60-day
	 * token renewable only while alive (Threads) long before, so an account that posts once a month keeps it.
	 */
	default Duration refreshMargin() {
		return OAuthTokens.REFRESH_MARGIN;
	}

	/** The network refused to renew the token: only a new authorization helps. */
	final class RenewalRefused extends RuntimeException {

		public RenewalRefused(String message) {
			super(message, null, false, false);
		}
	}

	/** The network could not be asked to renew the token; a later try may work. */
	final class RenewalUnavailable extends RuntimeException {

		public RenewalUnavailable(String message) {
			super(message, null, false, false);
		}
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
