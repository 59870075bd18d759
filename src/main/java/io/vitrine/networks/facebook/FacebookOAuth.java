package io.vitrine.networks.facebook;

import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.meta.GraphAnswer;
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
import java.util.Optional;

/**
 * Facebook Login for Pages: the person approves Vitrine, and chooses which of their Pages to connect.
 * Each connected Page keeps its own Page token (read with a long-lived user token, so it does not
 * expire); the user token itself is never stored.
 */
@Component
class FacebookOAuth implements OAuthNetwork {

	/**
	 * pages_show_list to list the person's Pages, pages_manage_posts to publish, pages_read_engagement
	 * to read the Page's posts back after an ambiguous send.
	 * https://developers.facebook.com/docs/pages-api/getting-started
	 */
	static final List<String> SCOPES = List.of("pages_show_list", "pages_manage_posts", "pages_read_engagement");

	static final String SERVER = "https://www.facebook.com";

	private final GraphApi api;

	private final Optional<ClientRegistration> registration;

	FacebookOAuth(FacebookSettings settings, GraphApi api, OAuthRedirect redirect) {
		this.api = api;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(FacebookConnector.ID.value())
			.clientName(FacebookRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(FacebookConnector.ID))
			.scope(SCOPES)
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return FacebookConnector.ID;
	}

	@Override
	public String displayName() {
		return FacebookRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	/** A server-side app proves itself with its secret. */
	@Override
	public boolean pkce() {
		return false;
	}

	@Override
	public NewConnection account(TokenSet tokens) {
		return accounts(tokens).getFirst();
	}

	@Override
	public List<NewConnection> accounts(TokenSet tokens) {
		GraphAnswer exchanged = read(() -> api.longLivedUserToken(tokens.accessToken()));
		String userToken = exchanged.text("access_token").orElseThrow(() -> new ConnectFailed(
				"Facebook did not give a long-lived token (" + exchanged.message() + "); no Page was connected."));
		GraphAnswer answer = read(() -> api.pages(userToken));
		if (!answer.ok()) {
			throw new ConnectFailed("Facebook did not list your Pages (" + answer.message() + "); no Page was connected.");
		}
		List<NewConnection> pages = new ArrayList<>();
		for (JsonNode page : answer.body().path("data")) {
			String id = page.path("id").asString("");
			String token = page.path("access_token").asString("");
			boolean mayPost = false;
			for (JsonNode task : page.path("tasks")) {
				mayPost |= "CREATE_CONTENT".equals(task.asString());
			}
			if (id.matches("\\d{1,24}") && !token.isEmpty() && mayPost) {
				pages.add(new NewConnection(FacebookConnector.ID, SERVER, id, page.path("name").asString(id), null,
						FacebookRules.LIMITS, new TokenSet(token, null, null, null).credentials()));
			}
		}
		if (pages.isEmpty()) {
			throw new ConnectFailed("You manage no Facebook Page you may publish to (or did not share one with Vitrine); "
					+ "no Page was connected.");
		}
		return pages;
	}

	private static GraphAnswer read(java.util.function.Supplier<GraphAnswer> call) {
		try {
			return call.get();
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("Facebook could not be reached (" + e.getMessage() + "); no Page was connected.");
		}
	}
}
