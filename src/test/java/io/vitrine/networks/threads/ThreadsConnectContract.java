package io.vitrine.networks.threads;

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
 * Connecting a Threads profile through Threads' own OAuth on a local Threads API: the code exchange (answered without
 * token_type, as Threads does) through Spring's OAuth client, then the long-lived token kept, encrypted.
 */
@WebContract
abstract class ThreadsConnectContract extends OAuthConnectContract {

	static final ThreadsApiServer THREADS = new ThreadsApiServer(Clock.systemUTC());

	@DynamicPropertySource
	static void threads(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.threads.client-id", () -> ThreadsApiServer.APP_ID);
		registry.add("vitrine.networks.threads.client-secret", () -> ThreadsApiServer.APP_SECRET);
		registry.add("vitrine.networks.threads.authorization-uri", THREADS::authorizationUri);
		registry.add("vitrine.networks.threads.api-url", THREADS::url);
	}

	@Autowired
	SettableClock clock;

	@AfterEach
	void noViolations() {
		assertThat(THREADS.violations()).as("requests outside the Threads documentation").isEmpty();
	}

	@Test
	void connects_the_threads_profile_with_its_long_lived_token() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "threads");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(authorizeUrl).startsWith(THREADS.authorizationUri() + "?");
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/threads/callback")
			.containsEntry("client_id", ThreadsApiServer.APP_ID).containsEntry("response_type", "code");

		back(browser, THREADS.approve(authorizeUrl)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "boulangerie.martin is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("threads");
			assertThat(c.limits().maxCharacters()).isEqualTo(500);
		});
		TokenSet kept = TokenSet.of(connections.openChannel(saved.getFirst().id()).credentials());
		assertThat(kept.accessToken()).startsWith("THAA");
		assertThat(kept.expiresAt()).isEqualTo(clock.instant().plus(ThreadsApiServer.LONG_LIVED));
		assertThat(THREADS.requests("POST", "/oauth/access_token").getLast().form())
			.containsEntry("grant_type", "authorization_code").containsEntry("client_secret", ThreadsApiServer.APP_SECRET);
	}
}
