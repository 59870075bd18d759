package io.vitrine.networks.linkedin;

import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.oauth.OAuthNetwork;
import io.vitrine.networks.oauth.OAuthRedirect;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.outbound.OutboundFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LinkedIn's side of the shared OAuth 2 connect flow (3-legged authorization code, client secret in
 * the token request: https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow),
 * and the identities one sign-in may publish as: the member, and each organization page they administer.
 */
@Component
class LinkedInOAuth implements OAuthNetwork {

	private static final Logger log = LoggerFactory.getLogger(LinkedInOAuth.class);

	/**
	 * openid and profile (product "Sign In with LinkedIn using OpenID Connect") to read the member's id
	 * and name; w_member_social (product "Share on LinkedIn") to post as the member.
	 */
	static final List<String> MEMBER_SCOPES = List.of("openid", "profile", "w_member_social");

	/**
	 * Product "Community Management API": w_organization_social to post as a page,
	 * r_organization_social to read its posts back after an ambiguous send, rw_organization_admin to
	 * list the pages the member administers.
	 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/community-management-overview
	 */
	static final List<String> PAGE_SCOPES = List.of("w_organization_social", "r_organization_social", "rw_organization_admin");

	/** Where accounts live, for their connection rows and links to their posts. */
	static final String SERVER = "https://www.linkedin.com";

	static final String PERSON = "urn:li:person:";

	static final String ORGANIZATION = "urn:li:organization:";

	private final LinkedInApi api;

	private final LinkedInSettings settings;

	private final Optional<ClientRegistration> registration;

	LinkedInOAuth(LinkedInSettings settings, LinkedInApi api, OAuthRedirect redirect) {
		this.api = api;
		this.settings = settings;
		this.registration = settings.configured() ? Optional.of(ClientRegistration.withRegistrationId(LinkedInConnector.ID.value())
			.clientName(LinkedInRules.NETWORK)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			// LinkedIn takes client_id and client_secret as form fields of the token request.
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirect.uri(LinkedInConnector.ID))
			.scope(scopes(settings))
			.authorizationUri(settings.authorizationUri())
			.tokenUri(settings.tokenUri())
			.build()) : Optional.empty();
	}

	static List<String> scopes(LinkedInSettings settings) {
		List<String> scopes = new ArrayList<>(MEMBER_SCOPES);
		if (settings.pages()) {
			scopes.addAll(PAGE_SCOPES);
		}
		return scopes;
	}

	@Override
	public NetworkId id() {
		return LinkedInConnector.ID;
	}

	@Override
	public String displayName() {
		return LinkedInRules.NETWORK;
	}

	@Override
	public Optional<ClientRegistration> registration() {
		return registration;
	}

	/** LinkedIn documents PKCE for native apps only; a web app proves itself with its client secret. */
	@Override
	public boolean pkce() {
		return false;
	}

	@Override
	public NewConnection account(TokenSet tokens) {
		return member(tokens);
	}

	@Override
	public List<NewConnection> accounts(TokenSet tokens) {
		List<NewConnection> accounts = new ArrayList<>();
		accounts.add(member(tokens));
		if (settings.pages() && (tokens.scope() == null || tokens.scope().contains("rw_organization_admin"))) {
			accounts.addAll(pages(tokens));
		}
		return accounts;
	}

	private NewConnection member(TokenSet tokens) {
		LinkedInAnswer me = read(() -> api.userinfo(tokens.accessToken()));
		String sub = LinkedInAnswer.text(me.body(), "sub").orElse(null);
		if (!me.ok() || sub == null) {
			throw new ConnectFailed("LinkedIn did not return the member (" + me.message() + "); no account was connected.");
		}
		String name = LinkedInAnswer.text(me.body(), "name").orElse(sub);
		return new NewConnection(LinkedInConnector.ID, SERVER, PERSON + sub, name, null, LinkedInRules.LIMITS,
				tokens.credentials());
	}

	private List<NewConnection> pages(TokenSet tokens) {
		LinkedInAnswer acls = read(() -> api.administeredOrganizations(tokens.accessToken()));
		if (!acls.ok()) {
			// The member is still connected; pages need the Community Management API product on the app.
			log.warn("LinkedIn did not list the pages the member administers ({}); only the member is offered", acls.message());
			return List.of();
		}
		List<NewConnection> pages = new ArrayList<>();
		for (JsonNode acl : acls.body().path("elements")) {
			String urn = acl.path("organization").asString("");
			if (!urn.matches(java.util.regex.Pattern.quote(ORGANIZATION) + "\\d{1,19}")) {
				continue;
			}
			long id = Long.parseLong(urn.substring(ORGANIZATION.length()));
			LinkedInAnswer page = read(() -> api.organization(tokens.accessToken(), id));
			String name = LinkedInAnswer.text(page.body(), "localizedName").orElse(urn);
			String vanity = LinkedInAnswer.text(page.body(), "vanityName").orElse(null);
			pages.add(new NewConnection(LinkedInConnector.ID, SERVER, urn, name,
					vanity == null ? null : "linkedin.com/company/" + vanity, LinkedInRules.LIMITS, tokens.credentials()));
		}
		return pages;
	}

	private static LinkedInAnswer read(java.util.function.Supplier<LinkedInAnswer> call) {
		try {
			return call.get();
		}
		catch (OutboundFailure e) {
			throw new ConnectFailed("LinkedIn could not be reached to read the account (" + e.getMessage()
					+ "); no account was connected.");
		}
	}
}
