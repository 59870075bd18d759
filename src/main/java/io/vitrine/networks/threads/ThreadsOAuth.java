package io.vitrine.networks.threads;

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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Threads' own OAuth (https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions):
 * the authorization window on threads.net, the code exchanged on graph.threads.net for a one-hour token, at once
 * exchanged for a 60-day one. That long-lived token has no refresh token: it renews itself
 * ({@code th_refresh_token}) while alive, which Vitrine does once it is a month old, at the account's next call.
 */
@Component
class ThreadsOAuth implements OAuthNetwork {

	/** threads_basic to read the profile and its posts (permalink, reconciliation), threads_content_publish to post. */
	static final List<String> SCOPES = List.of("threads_basic", "threads_content_publish");

	static final String SERVER = "https://www.threads.net";

	/** Renewed when less than this is left of its 60 days; a token must be a day old to be renewed. */
	static final Duration RENEW_WHEN_LEFT = Duration.ofDays(30);

	private final ThreadsApi api;

	private final Clock clock;

	private final Optional<ClientRegistration> registration;

	ThreadsOAuth(ThreadsSettings settings, ThreadsApi api, OAuthRedirect redirect, Clock clock) {
		this.api = api;
		this.clock = clock;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(ThreadsConnector.ID.value())
			.clientName(ThreadsRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(ThreadsConnector.ID))
			.scope(SCOPES)
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return ThreadsConnector.ID;
	}

	@Override
	public String displayName() {
		return ThreadsRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	@Override
	public boolean pkce() {
		return false;
	}

	@Override
	public NewConnection account(TokenSet tokens) {
		GraphAnswer exchanged = read(() -> api.longLivedToken(tokens.accessToken()));
		TokenSet longLived = tokenSet(exchanged, tokens.scope()).orElseThrow(() -> new ConnectFailed(
				"Threads did not give a long-lived token (" + exchanged.message() + "); no account was connected."));
		GraphAnswer me = read(() -> api.me(longLived.accessToken()));
		String id = me.text("id").filter(v -> v.matches("\\d{1,24}")).orElse(null);
		if (!me.ok() || id == null) {
			throw new ConnectFailed("Threads did not say which profile signed in (" + me.message() + "); no account was connected.");
		}
		String username = me.text("username").orElse(id);
		return new NewConnection(ThreadsConnector.ID, SERVER, id, username, me.text("name").orElse(username), ThreadsRules.LIMITS,
				longLived.credentials());
	}

	@Override
	public boolean renewsAccessToken() {
		return true;
	}

	@Override
	public Duration refreshMargin() {
		return RENEW_WHEN_LEFT;
	}

	@Override
	public TokenSet renewAccessToken(TokenSet current) {
		GraphAnswer answer;
		try {
			answer = api.refreshToken(current.accessToken());
		}
		catch (OutboundFailure e) {
			throw new RenewalUnavailable("Threads could not be asked to renew the token: " + e.getMessage());
		}
		Optional<TokenSet> renewed = tokenSet(answer, current.scope());
		if (renewed.isPresent()) {
			return renewed.get();
		}
		if (answer.transientError() || answer.throttled()) {
			throw new RenewalUnavailable("Threads answered " + answer.message() + " to renewing the token");
		}
		throw new RenewalRefused("Threads refused to renew the token: " + answer.message());
	}

	private Optional<TokenSet> tokenSet(GraphAnswer answer, String scope) {
		if (!answer.ok()) {
			return Optional.empty();
		}
		return answer.text("access_token").map(token -> new TokenSet(token, null,
				answer.body().path("expires_in").isNumber() ? clock.instant().plusSeconds(answer.body().path("expires_in").asLong())
						: null, scope));
	}

	private static GraphAnswer read(Supplier<GraphAnswer> call) {
		try {
			return call.get();
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("Threads could not be reached (" + e.getMessage() + "); no account was connected.");
		}
	}
}
