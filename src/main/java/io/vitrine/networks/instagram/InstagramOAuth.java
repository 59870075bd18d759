package io.vitrine.networks.instagram;

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
import java.util.function.Supplier;

/**
 * Instagram professional accounts through Facebook Login: the person approves Vitrine, and chooses among the
 * Instagram accounts connected to their Pages. Each keeps its Page's token (read with a long-lived user token,
 * so it does not expire), which the Instagram Graph API takes for the Page's Instagram account; the user token
 * itself is never stored.
 */
@Component
class InstagramOAuth implements OAuthNetwork {

	/**
	 * instagram_basic to read the account and its media (the permalink, the posts read back after an ambiguous
	 * send), instagram_content_publish to publish, pages_show_list and pages_read_engagement to find the Instagram
	 * account connected to each Page. https://developers.facebook.com/docs/instagram-platform/content-publishing
	 * ("Requirements").
	 */
	static final List<String> SCOPES = List.of("instagram_basic", "instagram_content_publish", "pages_show_list",
			"pages_read_engagement");

	static final String SERVER = "https://www.instagram.com";

	private final InstagramApi api;

	private final Optional<ClientRegistration> registration;

	InstagramOAuth(InstagramSettings settings, InstagramApi api, OAuthRedirect redirect) {
		this.api = api;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(InstagramConnector.ID.value())
			.clientName(InstagramRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(InstagramConnector.ID))
			.scope(SCOPES)
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return InstagramConnector.ID;
	}

	@Override
	public String displayName() {
		return InstagramRules.NETWORK;
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
				"Facebook did not give a long-lived token (" + exchanged.message() + "); no Instagram account was connected."));
		GraphAnswer answer = read(() -> api.pages(userToken));
		if (!answer.ok()) {
			throw new ConnectFailed("Facebook did not list your Pages (" + answer.message()
					+ "); no Instagram account was connected.");
		}
		List<NewConnection> accounts = new ArrayList<>();
		for (JsonNode page : answer.body().path("data")) {
			JsonNode instagram = page.path("instagram_business_account");
			String id = instagram.path("id").asString("");
			String token = page.path("access_token").asString("");
			if (id.matches("\\d{1,24}") && !token.isEmpty()) {
				String username = instagram.path("username").asString(id);
				accounts.add(new NewConnection(InstagramConnector.ID, SERVER, id, username,
						username + " (" + page.path("name").asString("") + ")", InstagramRules.LIMITS,
						new TokenSet(token, null, null, null).credentials()));
			}
		}
		if (accounts.isEmpty()) {
			throw new ConnectFailed("None of the Pages you shared with Vitrine has an Instagram professional account "
					+ "connected to it; no Instagram account was connected.");
		}
		return accounts;
	}

	private static GraphAnswer read(Supplier<GraphAnswer> call) {
		try {
			return call.get();
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("Facebook could not be reached (" + e.getMessage() + "); no Instagram account was connected.");
		}
	}
}
