package io.vitrine.networks.pinterest;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pinterest's side of the shared OAuth 2 connect flow (authorization code; the app authenticates to the token
 * endpoint with HTTP Basic, securitySchemes.basic of the official description), and the boards one sign-in may
 * publish to: a Pin always goes to a board, so each board is an account to choose.
 * https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/
 */
@Component
class PinterestOAuth implements OAuthNetwork {

	/**
	 * user_accounts:read for the username, boards:read to list the boards (and to create a Pin on one),
	 * pins:write to create Pins, pins:read to read a board's Pins back after an ambiguous send.
	 */
	static final List<String> SCOPES = List.of("user_accounts:read", "boards:read", "pins:read", "pins:write");

	/** Where accounts live, for their connection rows and links to their Pins. */
	static final String SERVER = "https://www.pinterest.com";

	/** Boards are listed page by page (bookmark); more than this many pages is not a person's own set of boards. */
	static final int MAX_BOARD_PAGES = 20;

	private final PinterestApi api;

	private final Optional<ClientRegistration> registration;

	PinterestOAuth(PinterestSettings settings, PinterestApi api, OAuthRedirect redirect) {
		this.api = api;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(PinterestConnector.ID.value())
			.clientName(PinterestRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(PinterestConnector.ID))
			// Pinterest reads the scope parameter as a comma-separated list; Spring joins scopes with spaces, so
			// the list goes as one value.
			.scope(String.join(",", SCOPES))
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	@Override
	public NetworkId id() {
		return PinterestConnector.ID;
	}

	@Override
	public String displayName() {
		return PinterestRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	/** Pinterest documents the plain authorization code flow for apps with a secret; no PKCE. */
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
		PinterestAnswer me = read(() -> api.userAccount(tokens.accessToken()));
		String username = PinterestAnswer.text(me.body(), "username").orElse(null);
		if (!me.ok() || username == null) {
			throw new ConnectFailed("Pinterest did not return the account (" + me.message() + "); no board was connected.");
		}
		List<NewConnection> boards = new ArrayList<>();
		Set<String> bookmarks = new HashSet<>();
		String bookmark = null;
		for (int page = 0; page < MAX_BOARD_PAGES; page++) {
			String current = bookmark;
			PinterestAnswer answer = read(() -> api.boards(tokens.accessToken(), current));
			if (!answer.ok()) {
				throw new ConnectFailed("Pinterest did not list the boards (" + answer.message() + "); no board was connected.");
			}
			for (JsonNode board : answer.body().path("items")) {
				String id = PinterestAnswer.text(board, "id").orElse("");
				if (id.matches("\\d{1,30}")) {
					String name = PinterestAnswer.text(board, "name").orElse(id);
					boards.add(new NewConnection(PinterestConnector.ID, SERVER, id, name, "pinterest.com/" + username,
							PinterestRules.LIMITS, tokens.credentials()));
				}
			}
			bookmark = PinterestAnswer.text(answer.body(), "bookmark").orElse(null);
			if (bookmark == null || !bookmarks.add(bookmark)) {
				break;
			}
		}
		if (boards.isEmpty()) {
			throw new ConnectFailed("The Pinterest account " + username + " has no board yet; create one on Pinterest, "
					+ "then connect again.");
		}
		return boards;
	}

	private static PinterestAnswer read(java.util.function.Supplier<PinterestAnswer> call) {
		try {
			return call.get();
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("Pinterest could not be reached to read the account (" + e.getMessage()
					+ "); no board was connected.");
		}
	}
}
