package io.vitrine.networks.tiktok;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.testsupport.OAuthConnectContract;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Connecting a TikTok account through Login Kit for Web on a local TikTok API: the authorization window with
 * client_key, the code exchanged by TikTok's own token call, the account read from user info and creator info, and
 * its rotating tokens kept, encrypted.
 */
@WebContract
abstract class TikTokConnectContract extends OAuthConnectContract {

	static final TikTokApiServer TIKTOK = new TikTokApiServer(Clock.systemUTC());

	@DynamicPropertySource
	static void tiktok(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.tiktok.client-key", () -> TikTokApiServer.CLIENT_KEY);
		registry.add("vitrine.networks.tiktok.client-secret", () -> TikTokApiServer.CLIENT_SECRET);
		registry.add("vitrine.networks.tiktok.authorization-uri", TIKTOK::authorizationUri);
		registry.add("vitrine.networks.tiktok.api-url", TIKTOK::url);
	}

	@Autowired
	SettableClock clock;

	@AfterEach
	void noViolations() {
		assertThat(TIKTOK.violations()).as("requests outside TikTok's documentation").isEmpty();
	}

	@Test
	void connects_the_tiktok_account_with_its_refresh_token() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "tiktok");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(authorizeUrl).startsWith(TIKTOK.authorizationUri() + "?");
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/tiktok/callback")
			.containsEntry("client_key", TikTokApiServer.CLIENT_KEY).doesNotContainKey("client_id")
			.doesNotContainKey("code_challenge");

		back(browser, TIKTOK.approve(authorizeUrl)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", TikTokApiServer.USERNAME + " is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("tiktok");
			assertThat(c.limits().maxCharacters()).isEqualTo(2200);
		});
		TokenSet kept = TokenSet.of(connections.openChannel(saved.getFirst().id()).credentials());
		assertThat(kept.accessToken()).startsWith("act.");
		assertThat(kept.refreshToken()).startsWith("rft.");
		assertThat(TIKTOK.requests("POST", "/v2/oauth/token/").getLast().form())
			.containsEntry("grant_type", "authorization_code").containsEntry("client_key", TikTokApiServer.CLIENT_KEY)
			.containsEntry("redirect_uri", baseUrl + "/connections/tiktok/callback");
	}
}
