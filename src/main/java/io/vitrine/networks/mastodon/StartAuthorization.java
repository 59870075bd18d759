package io.vitrine.networks.mastodon;

import io.vitrine.networks.Credentials;
import io.vitrine.networks.internal.OAuthClients;
import io.vitrine.networks.internal.PendingAuthorizations;
import io.vitrine.outbound.OutboundFailure;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.shared.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starts the OAuth 2 authorization-code flow: registers Vitrine on the instance once, remembers a
 * random state (and a PKCE verifier where the instance supports it) for the person who asked, and
 * gives the instance's authorization address to send them to.
 */
@Component
class StartAuthorization {

	/** The narrowest scopes that let Vitrine read the account, upload images, post, and read its own posts back. */
	static final String SCOPES = "read:accounts read:statuses write:media write:statuses";

	static final String CLIENT_ID = "clientId";

	static final String CLIENT_SECRET = "clientSecret";

	static final String CLIENT_SCOPES = "scopes";

	static final String CODE_VERIFIER = "codeVerifier";

	private final SecureRandom random = new SecureRandom();

	private final MastodonApi api;

	private final MastodonInstances instances;

	private final OAuthClients clients;

	private final PendingAuthorizations pending;

	private final MastodonRedirect redirect;

	StartAuthorization(MastodonApi api, MastodonInstances instances, OAuthClients clients, PendingAuthorizations pending,
			MastodonRedirect redirect) {
		this.api = api;
		this.instances = instances;
		this.clients = clients;
		this.pending = pending;
		this.redirect = redirect;
	}

	/** @return the address on the instance where the person approves Vitrine */
	String start(UUID userId, UUID workspaceId, String instanceUrl) {
		String server = InstanceUrl.normalize(instanceUrl);
		instances.describe(server);
		Credentials client = clientFor(server);
		boolean pkce = supportsPkce(server);
		String state = randomToken();
		Credentials secrets = pkce ? new Credentials(Map.of(CODE_VERIFIER, randomToken())) : new Credentials(Map.of());
		pending.save(state, new PendingAuthorizations.Pending(userId, workspaceId, MastodonConnector.ID, server,
				redirect.uri(), secrets));
		Map<String, String> query = new LinkedHashMap<>();
		query.put("client_id", client.require(CLIENT_ID));
		query.put("redirect_uri", redirect.uri());
		query.put("response_type", "code");
		query.put("scope", SCOPES);
		query.put("state", state);
		secrets.get(CODE_VERIFIER).ifPresent(verifier -> {
			query.put("code_challenge", challenge(verifier));
			query.put("code_challenge_method", "S256");
		});
		return server + MastodonApi.AUTHORIZE + "?" + query.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
			.collect(Collectors.joining("&"));
	}

	private Credentials clientFor(String server) {
		Optional<Credentials> known = clients.find(MastodonConnector.ID, server, redirect.uri());
		if (known.isPresent() && known.get().get(CLIENT_SCOPES).filter(SCOPES::equals).isPresent()) {
			return known.get();
		}
		// Registered with other scopes by an earlier version: register again with the ones needed now.
		known.ifPresent(stale -> clients.forget(MastodonConnector.ID, server, redirect.uri()));
		OutboundResponse response = MastodonInstances.call(server,
				() -> api.registerApp(server, redirect.uri(), SCOPES, redirect.website()));
		JsonNode body = api.parse(response).filter(b -> response.successful()).orElseThrow(() -> InvalidInput.of(
				InstanceUrl.FIELD, "app-registration", server + " refused to register Vitrine (" + api.errorOf(response) + ")."));
		String clientId = MastodonApi.text(body, "client_id");
		String clientSecret = MastodonApi.text(body, "client_secret");
		if (clientId == null || clientSecret == null) {
			throw InvalidInput.of(InstanceUrl.FIELD, "app-registration", server + " registered Vitrine without giving its client id.");
		}
		return clients.saveIfAbsent(MastodonConnector.ID, server, redirect.uri(),
				new Credentials(Map.of(CLIENT_ID, clientId, CLIENT_SECRET, clientSecret, CLIENT_SCOPES, SCOPES)));
	}

	/** Mastodon 4.3+ announces PKCE in its OAuth metadata; older instances simply do not get it. */
	private boolean supportsPkce(String server) {
		try {
			OutboundResponse response = api.oauthMetadata(server);
			return response.successful() && api.parse(response)
				.map(b -> b.path("code_challenge_methods_supported"))
				.filter(JsonNode::isArray)
				.map(methods -> methods.valueStream().anyMatch(m -> "S256".equals(m.asString(""))))
				.orElse(false);
		}
		catch (OutboundFailure e) {
			return false;
		}
	}

	private String randomToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is always available", e);
		}
	}
}
