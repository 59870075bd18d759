package io.vitrine.networks.youtube;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.testsupport.OAuthConnectContract;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.WebContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting a YouTube channel through Google's OAuth on local Google servers: PKCE, offline access with consent, the
 * code exchanged through Spring's OAuth client, then the shared choice among the account's channels.
 */
@WebContract
abstract class YouTubeConnectContract extends OAuthConnectContract {

	static final YouTubeApiServer GOOGLE = new YouTubeApiServer(Clock.systemUTC());

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.youtube.client-id", () -> YouTubeApiServer.CLIENT_ID);
		registry.add("vitrine.networks.youtube.client-secret", () -> YouTubeApiServer.CLIENT_SECRET);
		registry.add("vitrine.networks.youtube.authorization-uri", () -> GOOGLE.url() + "/o/oauth2/v2/auth");
		registry.add("vitrine.networks.youtube.token-uri", () -> GOOGLE.url() + "/token");
		registry.add("vitrine.networks.youtube.api-url", GOOGLE::url);
	}

	@AfterEach
	void noViolations() {
		assertThat(GOOGLE.violations()).as("requests outside Google's documentation").isEmpty();
	}

	@Test
	void connects_the_channel_chosen_after_google_sign_in_with_a_refresh_token() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "youtube");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/youtube/callback")
			.containsEntry("access_type", "offline").containsEntry("prompt", "consent").containsKey("code_challenge");

		String choice = comeBack(browser, GOOGLE.approve(authorizeUrl));
		String form = browse(browser, get(choice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Boulangerie Lumière").contains("Lumière Pâtisserie").doesNotContain("ya29.");

		browse(browser, post(choice).param("accounts", YouTubeApiServer.BRAND_CHANNEL_ID)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "@lumierepatisserie is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> assertThat(c.network().value()).isEqualTo("youtube"));
		TokenSet kept = TokenSet.of(connections.openChannel(saved.getFirst().id()).credentials());
		assertThat(kept.accessToken()).startsWith("ya29.");
		assertThat(kept.refreshToken()).startsWith("1//refresh");
		assertThat(GOOGLE.requests("POST", "/token").getLast().form()).containsEntry("grant_type", "authorization_code")
			.containsKey("code_verifier").containsEntry("client_id", YouTubeApiServer.CLIENT_ID);
	}
}
