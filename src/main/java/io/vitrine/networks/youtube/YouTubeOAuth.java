package io.vitrine.networks.youtube;

import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.oauth.OAuthNetwork;
import io.vitrine.networks.oauth.OAuthRedirect;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Google's OAuth 2 for web server apps (https://developers.google.com/identity/protocols/oauth2/web-server), with
 * PKCE, {@code access_type=offline} and {@code prompt=consent} so a refresh token comes back every time. The account
 * is a YouTube channel: a Google account may manage several (brand accounts), chosen after sign-in.
 */
@Component
class YouTubeOAuth implements OAuthNetwork {

	/** youtube.upload to insert videos; youtube.readonly to list the channels and read the uploads playlist (reconciliation). */
	static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/youtube.upload",
			"https://www.googleapis.com/auth/youtube.readonly");

	static final String SERVER = "https://www.youtube.com";

	private final YouTubeApi api;

	private final Optional<ClientRegistration> registration;

	YouTubeOAuth(YouTubeSettings settings, YouTubeApi api, OAuthRedirect redirect) {
		this.api = api;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(YouTubeConnector.ID.value())
			.clientName(YouTubeRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(YouTubeConnector.ID))
			.scope(SCOPES)
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return YouTubeConnector.ID;
	}

	@Override
	public String displayName() {
		return YouTubeRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	/** Without access_type=offline Google gives no refresh token; without prompt=consent only at the first consent. */
	@Override
	public String authorizationAddress(OAuth2AuthorizationRequest request) {
		return UriComponentsBuilder.fromUriString(request.getAuthorizationRequestUri())
			.queryParam("access_type", "offline")
			.queryParam("prompt", "consent")
			.build(true)
			.toUriString();
	}

	@Override
	public NewConnection account(TokenSet tokens) {
		return accounts(tokens).getFirst();
	}

	/** Every channel the signed-in Google account may upload to (channels.list, mine=true). */
	@Override
	public List<NewConnection> accounts(TokenSet tokens) {
		GoogleAnswer answer;
		try {
			answer = api.myChannels(tokens.accessToken());
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("YouTube could not be reached (" + e.getMessage() + "); no channel was connected.");
		}
		if (!answer.ok()) {
			throw new ConnectFailed("YouTube did not list the account's channels (" + answer.message() + "); no channel was connected.");
		}
		List<NewConnection> channels = new ArrayList<>();
		for (JsonNode channel : answer.body().path("items")) {
			String id = channel.path("id").asString("");
			if (!id.matches("UC[A-Za-z0-9_-]{22}")) {
				continue;
			}
			String title = channel.path("snippet").path("title").asString(id);
			String handle = channel.path("snippet").path("customUrl").asString("");
			channels.add(new NewConnection(YouTubeConnector.ID, SERVER, id, handle.isBlank() ? title : handle, title,
					YouTubeRules.LIMITS, tokens.credentials()));
		}
		if (channels.isEmpty()) {
			throw new ConnectFailed("This Google account has no YouTube channel yet; create one on YouTube, then connect again.");
		}
		return channels;
	}
}
