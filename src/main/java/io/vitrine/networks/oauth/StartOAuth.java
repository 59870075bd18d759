package io.vitrine.networks.oauth;

import io.vitrine.networks.Credentials;
import io.vitrine.networks.internal.PendingAuthorizations;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the authorization-code flow with PKCE (S256) on a fixed-server network: a random state,
 * bound to the person who asked and usable once (kept in the database, so the callback may land
 * on any node), and the network's authorization address to send them to.
 *
 * <p>The request is built by Spring Security's {@link OAuth2AuthorizationRequest} with its PKCE
 * customizer. Its servlet filters are not used: they keep the pending request in the HTTP session
 * and sign people in, while connecting an account keeps the person signed in as themselves and
 * stores many accounts per person.
 */
@Component
class StartOAuth {

	static final String CODE_VERIFIER = "codeVerifier";

	private final SecureRandom random = new SecureRandom();

	private final OAuthNetworks networks;

	private final PendingAuthorizations pending;

	private final OAuthRedirect redirect;

	StartOAuth(OAuthNetworks networks, PendingAuthorizations pending, OAuthRedirect redirect) {
		this.networks = networks;
		this.pending = pending;
		this.redirect = redirect;
	}

	/** @return the address on the network where the person approves Vitrine */
	String start(UUID userId, UUID workspaceId, String networkName) {
		OAuthNetwork network = networks.configured(networkName);
		ClientRegistration registration = network.registration().orElseThrow();
		String state = randomToken();
		OAuth2AuthorizationRequest request = request(registration, redirect.uri(network.id()), state,
				network.pkce() ? NEW_VERIFIER : null, network.authorizationParameters());
		String verifier = request.getAttribute(PkceParameterNames.CODE_VERIFIER);
		pending.save(state, new PendingAuthorizations.Pending(userId, workspaceId, network.id(),
				registration.getProviderDetails().getAuthorizationUri(), request.getRedirectUri(),
				new Credentials(verifier == null ? Map.of() : Map.of(CODE_VERIFIER, verifier))));
		return network.authorizationAddress(request);
	}

	/** Asks {@link #request} for a new PKCE pair. */
	static final String NEW_VERIFIER = "";

	/**
	 * The authorization request; with {@code codeVerifier} {@link #NEW_VERIFIER} a new PKCE pair is
	 * made, with another value the one kept since the start is put back (the token exchange sends
	 * it), with null there is no PKCE (networks whose {@link OAuthNetwork#pkce()} is false).
	 */
	static OAuth2AuthorizationRequest request(ClientRegistration registration, String redirectUri, String state,
			String codeVerifier) {
		return request(registration, redirectUri, state, codeVerifier, Map.of());
	}

	/** The same, with the network's own parameters of the authorization address (Google's access_type...). */
	static OAuth2AuthorizationRequest request(ClientRegistration registration, String redirectUri, String state,
			String codeVerifier, Map<String, String> extra) {
		OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri(redirectUri)
			.scopes(registration.getScopes())
			.additionalParameters(parameters -> parameters.putAll(extra))
			.state(state);
		if (NEW_VERIFIER.equals(codeVerifier)) {
			OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
		}
		else if (codeVerifier != null) {
			builder.attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier));
		}
		return builder.build();
	}

	private String randomToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
