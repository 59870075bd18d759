package io.vitrine.networks.oauth;

import io.vitrine.outbound.OutboundSettings;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The network's token endpoint, through Spring Security's OAuth 2 client (request encoding, client
 * authentication, PKCE verifier, answer parsing). What Spring folds into one exception is split
 * here into the two answers that matter: the network refused the grant for good, or it could not
 * be asked (timeout, 5xx, 429), which must never cost the person their connection.
 *
 * <p>The endpoints are the operator's configuration, not a user's input, so they are called
 * directly rather than through the outbound guard (which refuses loopback addresses, where tests
 * run the authorization server).
 */
@Component
class TokenEndpoint {

	/** Errors an authorization server gives for a grant that will never work again. */
	private static final Set<String> REFUSED_FOR_GOOD = Set.of("invalid_grant", "invalid_request", "unauthorized_client",
			"invalid_scope", "access_denied");

	private final RestClientAuthorizationCodeTokenResponseClient codes = new RestClientAuthorizationCodeTokenResponseClient();

	private final RestClientRefreshTokenTokenResponseClient refreshes = new RestClientRefreshTokenTokenResponseClient();

	private final Clock clock;

	TokenEndpoint(OutboundSettings settings, Clock clock) {
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
		requests.setReadTimeout(settings.responseTimeout());
		RestClient rest = RestClient.builder()
			.requestFactory(requests)
			.configureMessageConverters(converters -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(tokenResponses()))
			.defaultStatusHandler(new TokenErrorBodies())
			.build();
		codes.setRestClient(rest);
		refreshes.setRestClient(rest);
	}

	/**
	 * Token answers as RFC 6749 §5.1 describes them, except that a missing token_type is read as "bearer":
	 * Threads answers the code exchange with only {@code access_token} and {@code user_id}
	 * (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions).
	 */
	private static OAuth2AccessTokenResponseHttpMessageConverter tokenResponses() {
		DefaultMapOAuth2AccessTokenResponseConverter standard = new DefaultMapOAuth2AccessTokenResponseConverter();
		OAuth2AccessTokenResponseHttpMessageConverter converter = new OAuth2AccessTokenResponseHttpMessageConverter();
		converter.setAccessTokenResponseConverter(answer -> {
			if (answer.get("token_type") == null) {
				Map<String, Object> completed = new HashMap<>(answer);
				completed.put("token_type", "bearer");
				return standard.convert(completed);
			}
			return standard.convert(answer);
		});
		return converter;
	}

	/** The authorization code (with the PKCE verifier kept in {@code request}) exchanged for tokens. */
	TokenSet exchange(ClientRegistration registration, OAuth2AuthorizationRequest request, String code) {
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(request.getRedirectUri())
			.state(request.getState())
			.build();
		return call(() -> codes.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
				new OAuth2AuthorizationExchange(request, response))));
	}

	TokenSet refresh(ClientRegistration registration, TokenSet tokens) {
		Instant issued = clock.instant();
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokens.accessToken(),
				issued.minusSeconds(1), tokens.expiresAt() != null && tokens.expiresAt().isAfter(issued) ? tokens.expiresAt()
						: issued);
		return call(() -> refreshes.getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration, access,
				new OAuth2RefreshToken(tokens.refreshToken(), null), registration.getScopes())));
	}

	private TokenSet call(java.util.function.Supplier<OAuth2AccessTokenResponse> exchange) {
		OAuth2AccessTokenResponse answer;
		try {
			answer = exchange.get();
		}
		catch (OAuth2AuthorizationException e) {
			throw classify(e);
		}
		OAuth2AccessToken access = answer.getAccessToken();
		Instant expiresAt = null;
		if (access.getIssuedAt() != null && access.getExpiresAt() != null) {
			// Spring stamps the answer with the system clock; the lifetime is what counts.
			expiresAt = clock.instant().plus(Duration.between(access.getIssuedAt(), access.getExpiresAt()));
		}
		String refresh = answer.getRefreshToken() == null ? null : answer.getRefreshToken().getTokenValue();
		String scope = access.getScopes().isEmpty() ? null : String.join(" ", access.getScopes());
		return new TokenSet(access.getTokenValue(), refresh, expiresAt, scope);
	}

	static RuntimeException classify(OAuth2AuthorizationException e) {
		Throwable cause = e.getCause();
		String error = e.getError().getErrorCode();
		String description = e.getError().getDescription();
		if (cause == null) {
			// An OAuth error answered by the server itself (HTTP 400 with an error body).
			if (REFUSED_FOR_GOOD.contains(error)) {
				return new TokenRefused(error, description);
			}
			return new TokenEndpointUnavailable("the authorization server answered " + error
					+ (description == null ? "" : " (" + description + ")"));
		}
		if (cause instanceof HttpClientErrorException client && client.getStatusCode().value() == 401) {
			// RFC 6749 §5.2: invalid_client. Vitrine's own client id or secret is wrong: reconnecting the
			// account cannot fix that, the operator's settings can; the account stays connected.
			return new TokenEndpointUnavailable("the authorization server refused Vitrine's client id or secret "
					+ "(HTTP 401); check the network's client id and secret settings");
		}
		return new TokenEndpointUnavailable("the authorization server could not be asked: " + cause.getMessage());
	}

	/** The server refused the grant (revoked, expired, already used): only a new authorization helps. */
	static final class TokenRefused extends RuntimeException {

		final String error;

		TokenRefused(String error, String description) {
			super(error + (description == null || description.isBlank() ? "" : ": " + description), null, false, false);
			this.error = error;
		}
	}

	/** The server could not be asked or did not answer usefully; trying later may work. */
	static final class TokenEndpointUnavailable extends RuntimeException {

		TokenEndpointUnavailable(String message) {
			super(message, null, false, false);
		}
	}
}
