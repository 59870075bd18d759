package io.vitrine.networks.gbp;

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
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google's side of the shared OAuth 2 connect flow (authorization code with PKCE,
 * https://developers.google.com/identity/protocols/oauth2/web-server), and the locations one sign-in may post
 * for: every location of every Business Profile account the person manages.
 */
@Component
class GbpOAuth implements OAuthNetwork {

	/** The one scope of the Business Profile APIs: list accounts and locations, create and read local posts. */
	static final String SCOPE = "https://www.googleapis.com/auth/business.manage";

	static final String SERVER = "https://business.google.com";

	static final int MAX_PAGES = 10;

	private final GbpApi api;

	private final Optional<ClientRegistration> registration;

	GbpOAuth(GbpSettings settings, GbpApi api, OAuthRedirect redirect) {
		this.api = api;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(GbpConnector.ID.value())
			.clientName(GbpRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			// Google's guide sends client_id and client_secret in the token request's body.
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(GbpConnector.ID))
			.scope(SCOPE)
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return GbpConnector.ID;
	}

	@Override
	public String displayName() {
		return GbpRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	/**
	 * access_type=offline for a refresh token (Google's access tokens last an hour), prompt=consent so Google gives
	 * one again when the person connects a second time.
	 */
	@Override
	public Map<String, String> authorizationParameters() {
		return Map.of("access_type", "offline", "prompt", "consent");
	}

	@Override
	public NewConnection account(TokenSet tokens) {
		return accounts(tokens).getFirst();
	}

	@Override
	public List<NewConnection> accounts(TokenSet tokens) {
		List<NewConnection> locations = new ArrayList<>();
		for (JsonNode account : pages(pageToken -> api.accounts(tokens.accessToken(), pageToken), "accounts", "the accounts")) {
			String accountName = GoogleAnswer.text(account, "name").orElse("");
			if (!accountName.matches("accounts/\\d{1,30}")) {
				continue;
			}
			String owner = GoogleAnswer.text(account, "accountName").orElse(accountName);
			for (JsonNode location : pages(pageToken -> api.locations(tokens.accessToken(), accountName, pageToken), "locations",
					"the locations of " + owner)) {
				String name = GoogleAnswer.text(location, "name").orElse("");
				if (!name.matches("locations/\\d{1,30}")) {
					continue;
				}
				String title = GoogleAnswer.text(location, "title").orElse(name);
				String city = GoogleAnswer.text(location.path("storefrontAddress"), "locality").orElse(null);
				locations.add(new NewConnection(GbpConnector.ID, SERVER, accountName + "/" + name, title,
						city == null ? owner : owner + " · " + city, GbpRules.LIMITS, tokens.credentials()));
			}
		}
		if (locations.isEmpty()) {
			throw new ConnectFailed("This Google account manages no Business Profile location; nothing was connected.");
		}
		return locations;
	}

	private List<JsonNode> pages(java.util.function.Function<String, GoogleAnswer> page, String field, String what) {
		List<JsonNode> items = new ArrayList<>();
		String pageToken = null;
		for (int i = 0; i < MAX_PAGES; i++) {
			String current = pageToken;
			GoogleAnswer answer;
			try {
				answer = page.apply(current);
			}
			catch (OutboundFailure e) {
				throw new ConnectFailed("Google could not be reached to read " + what + " (" + e.getMessage()
						+ "); nothing was connected.");
			}
			if (!answer.ok()) {
				throw new ConnectFailed("Google did not list " + what + " (" + answer.message() + "); nothing was connected.");
			}
			answer.body().path(field).forEach(items::add);
			pageToken = GoogleAnswer.text(answer.body(), "nextPageToken").orElse(null);
			if (pageToken == null) {
				break;
			}
		}
		return items;
	}
}
