package io.vitrine.networks.linkedin;

import io.vitrine.networks.NewConnection;
import io.vitrine.networks.oauth.OAuthNetwork;
import io.vitrine.networks.oauth.OAuthTestKit;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.networks.Credentials;
import io.vitrine.outbound.OutboundHttp;
import io.vitrine.outbound.OutboundSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identities one LinkedIn sign-in offers, read from a local LinkedIn. */
class LinkedInOAuthTest {

	private final LinkedInContractServer server = new LinkedInContractServer(Clock.systemUTC());

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).isEmpty();
		}
		finally {
			server.close();
		}
	}

	private LinkedInOAuth oauth(boolean pages) {
		OutboundSettings outbound = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(2), DataSize.ofMegabytes(1));
		LinkedInSettings settings = new LinkedInSettings(LinkedInContractServer.CLIENT_ID, LinkedInContractServer.CLIENT_SECRET,
				pages, server.authorizationUri(), server.tokenUri(), server.url(), null);
		return new LinkedInOAuth(settings, new LinkedInApi(OutboundHttp.create(outbound), settings),
				OAuthTestKit.redirect("http://vitrine.test"));
	}

	private TokenSet tokens() {
		return TokenSet.of(new Credentials(server.issueTokens(Duration.ofDays(60), false)));
	}

	@Test
	void offers_the_member_and_each_page_they_administer() {
		List<NewConnection> accounts = oauth(true).accounts(tokens());

		assertThat(accounts).extracting(NewConnection::remoteAccountId)
			.containsExactly(LinkedInContractServer.MEMBER, LinkedInContractServer.ORGANIZATION);
		assertThat(accounts).extracting(NewConnection::handle)
			.containsExactly(LinkedInContractServer.MEMBER_NAME, LinkedInContractServer.ORGANIZATION_NAME);
		assertThat(accounts).allSatisfy(a -> assertThat(a.credentials().require("accessToken")).startsWith("AQV"));
		assertThat(server.requests("GET", "/rest/organizationAcls").getFirst().query()).containsEntry("q", "roleAssignee")
			.containsEntry("role", "ADMINISTRATOR").containsEntry("state", "APPROVED");
	}

	@Test
	void a_members_only_app_asks_for_member_scopes_and_offers_the_member_alone() {
		LinkedInOAuth oauth = oauth(false);

		assertThat(oauth.registration().orElseThrow().getScopes()).containsExactlyInAnyOrder("openid", "profile", "w_member_social");
		assertThat(oauth.accounts(tokens())).extracting(NewConnection::remoteAccountId)
			.containsExactly(LinkedInContractServer.MEMBER);
		assertThat(server.requests("GET", "/rest/organizationAcls")).isEmpty();
	}

	@Test
	void pages_linkedin_will_not_list_leave_the_member_connectable() {
		server.respondOnce("GET", "/rest/organizationAcls", r -> server.error(403,
				"Not enough permissions to access: organizationAcls.FINDER-roleAssignee.20251001", 100, null));

		assertThat(oauth(true).accounts(tokens())).extracting(NewConnection::remoteAccountId)
			.containsExactly(LinkedInContractServer.MEMBER);
	}

	@Test
	void a_refused_token_connects_nothing_and_says_why() {
		server.revokeAll();

		assertThatThrownBy(() -> oauth(true).accounts(new TokenSet("AQVgone", null, null, null)))
			.isInstanceOf(OAuthNetwork.ConnectFailed.class)
			.hasMessage("LinkedIn did not return the member (Invalid access token); no account was connected.");
	}

	@Test
	void uses_the_plain_authorization_code_with_the_secret_in_the_form_and_no_pkce() {
		LinkedInOAuth oauth = oauth(true);

		assertThat(oauth.pkce()).isFalse();
		assertThat(oauth.registration().orElseThrow().getClientAuthenticationMethod().getValue()).isEqualTo("client_secret_post");
		assertThat(oauth.registration().orElseThrow().getRedirectUri()).isEqualTo("http://vitrine.test/connections/linkedin/callback");
	}
}
