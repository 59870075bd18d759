package io.vitrine.networks.tiktok;

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

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Login Kit for Web (https://developers.tiktok.com/doc/login-kit-web): the authorization window takes
 * {@code client_key} and comma-separated scopes; the token endpoint (https://developers.tiktok.com/doc/oauth-user-access-token-management)
 * takes client_key and client_secret in the form. PKCE is for mobile and desktop apps only ("code_verifier: Required
 * for mobile and desktop app only"), so a web app uses the plain code with its secret. Access tokens live 24 hours;
 * refresh tokens rotate: each refresh answers a new one, kept at once.
 */
@Component
class TikTokOAuth implements OAuthNetwork {

	/**
	 * user.info.basic for the account's open_id and name; video.publish to post directly (creator info, init, status);
	 * video.list to find a post whose publish answer was lost.
	 */
	static final List<String> SCOPES = List.of("user.info.basic", "video.publish", "video.list");

	static final String SERVER = "https://www.tiktok.com";

	/** Errors of https://developers.tiktok.com/doc/oauth-error-handling after which the grant never works again. */
	private static final Set<String> REFUSED_FOR_GOOD = Set.of("invalid_grant", "access_denied", "invalid_request",
			"invalid_scope", "unauthorized_client", "unsupported_grant_type");

	private final TikTokApi api;

	private final Clock clock;

	private final Optional<ClientRegistration> registration;

	TikTokOAuth(TikTokSettings settings, TikTokApi api, OAuthRedirect redirect, Clock clock) {
		this.api = api;
		this.clock = clock;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(TikTokConnector.ID.value())
			.clientName(TikTokRules.NETWORK)
			.clientId(settings.clientKey())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(TikTokConnector.ID))
			.scope(SCOPES)
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return TikTokConnector.ID;
	}

	@Override
	public String displayName() {
		return TikTokRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	@Override
	public boolean pkce() {
		return false;
	}

	/** Login Kit for Web's parameters: client_key, scope (comma-separated), response_type, redirect_uri, state. */
	@Override
	public String authorizationAddress(OAuth2AuthorizationRequest request) {
		return UriComponentsBuilder.fromUriString(request.getAuthorizationUri())
			.queryParam("client_key", request.getClientId())
			.queryParam("scope", String.join(",", request.getScopes()))
			.queryParam("response_type", "code")
			.queryParam("redirect_uri", request.getRedirectUri())
			.queryParam("state", request.getState())
			.encode()
			.build()
			.toUriString();
	}

	@Override
	public Optional<TokenSet> exchangeCode(OAuth2AuthorizationRequest request, String code) {
		Map<String, String> grant = new LinkedHashMap<>();
		grant.put("code", code);
		grant.put("grant_type", "authorization_code");
		grant.put("redirect_uri", request.getRedirectUri());
		return Optional.of(tokens(() -> api.token(grant), null));
	}

	@Override
	public boolean renewsAccessToken() {
		return true;
	}

	/** The refresh_token grant; the answer's refresh token replaces ours (rotation), an absent one never erases it. */
	@Override
	public TokenSet renewAccessToken(TokenSet current) {
		if (current.refreshToken() == null) {
			throw new RenewalRefused("no refresh token is stored for this TikTok account");
		}
		Map<String, String> grant = new LinkedHashMap<>();
		grant.put("grant_type", "refresh_token");
		grant.put("refresh_token", current.refreshToken());
		return tokens(() -> api.token(grant), current);
	}

	private TokenSet tokens(Supplier<TikTokAnswer> call, TokenSet current) {
		TikTokAnswer answer;
		try {
			answer = call.get();
		}
		catch (OutboundFailure e) {
			throw new RenewalUnavailable("TikTok's token endpoint could not be reached: " + e.getMessage());
		}
		String access = answer.text("access_token");
		if (answer.status() == 200 && !access.isBlank()) {
			String refresh = answer.text("refresh_token");
			long expiresIn = answer.body().path("expires_in").asLong(0);
			String scope = answer.text("scope");
			return new TokenSet(access, refresh.isBlank() && current != null ? current.refreshToken() : refresh,
					expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
					scope.isBlank() && current != null ? current.scope() : scope);
		}
		if (REFUSED_FOR_GOOD.contains(answer.code())) {
			throw new RenewalRefused(answer.message());
		}
		throw new RenewalUnavailable("TikTok's token endpoint answered " + answer.message());
	}

	/** The open_id (user info) is the account's id; the creator info names the @username posts are shown under. */
	@Override
	public NewConnection account(TokenSet tokens) {
		TikTokAnswer user = read(() -> api.userInfo(tokens.accessToken()));
		String openId = user.data().path("user").path("open_id").asString("");
		if (!user.ok() || openId.isBlank()) {
			throw new ConnectFailed("TikTok did not say which account signed in (" + user.message() + "); no account was connected.");
		}
		String displayName = user.data().path("user").path("display_name").asString(openId);
		TikTokAnswer creator = read(() -> api.creatorInfo(tokens.accessToken()));
		if (!creator.ok()) {
			throw new ConnectFailed("TikTok refused to say whether this account may post (" + creator.message()
					+ "); no account was connected. The video.publish permission is needed.");
		}
		String username = creator.data().path("creator_username").asString("");
		return new NewConnection(TikTokConnector.ID, SERVER, openId, username.isBlank() ? displayName : username,
				displayName, TikTokRules.LIMITS, tokens.credentials());
	}

	private static TikTokAnswer read(Supplier<TikTokAnswer> call) {
		try {
			return call.get();
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("TikTok could not be reached (" + e.getMessage() + "); no account was connected.");
		}
	}
}
