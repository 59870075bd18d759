package io.vitrine.networks.x;

import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.oauth.OAuthNetwork;
import io.vitrine.networks.oauth.OAuthRedirect;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** X's side of the shared OAuth 2 connect flow: the operator's app, and reading the account a token belongs to. */
@Component
class XOAuth implements OAuthNetwork {

	/**
	 * tweet.read and users.read to read the account and its posts back (reconciliation),
	 * tweet.write to post, media.write to upload images, offline.access for a refresh token (access
	 * tokens last two hours). https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code
	 */
	static final String[] SCOPES = { "tweet.read", "tweet.write", "users.read", "offline.access", "media.write" };

	/** Where an account lives, for its connection row and links to its posts. */
	static final String SERVER = "https://x.com";

	private final XApi api;

	private final Optional<ClientRegistration> registration;

	XOAuth(XSettings settings, XApi api, OAuthRedirect redirect) {
		this.api = api;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(XConnector.ID.value())
			.clientName(XRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			// A confidential app (web app, with a secret) authenticates with HTTP Basic; a public one sends its id only.
			.clientAuthenticationMethod(settings.clientSecret() == null ? ClientAuthenticationMethod.NONE
					: ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(XConnector.ID))
			.scope(SCOPES)
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return XConnector.ID;
	}

	@Override
	public String displayName() {
		return XRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	@Override
	public NewConnection account(TokenSet tokens) {
		XAnswer me;
		try {
			me = api.me(tokens.accessToken());
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("X could not be reached to read the account (" + e.getMessage() + "); no account was connected.");
		}
		String id = me.dataText("id").orElse(null);
		String username = me.dataText("username").orElse(null);
		if (!me.ok() || id == null || username == null) {
			throw new ConnectFailed("X did not return the account (" + me.message() + "); no account was connected.");
		}
		return new NewConnection(XConnector.ID, SERVER, id, "@" + username, me.dataText("name").orElse(null), XRules.LIMITS,
				tokens.credentials());
	}
}
