package io.vitrine.networks.threads;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.oauth.TokenSet;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting a Threads profile through Threads' own OAuth on a local Threads API: the code exchange (answered without
 * token_type, as Threads does) through Spring's OAuth client, then the long-lived token kept, encrypted.
 */
@WebContract
abstract class ThreadsConnectContract {

	static final ThreadsApiServer THREADS = new ThreadsApiServer(Clock.systemUTC());

	@DynamicPropertySource
	static void threads(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.threads.client-id", () -> ThreadsApiServer.APP_ID);
		registry.add("vitrine.networks.threads.client-secret", () -> ThreadsApiServer.APP_SECRET);
		registry.add("vitrine.networks.threads.authorization-uri", THREADS::authorizationUri);
		registry.add("vitrine.networks.threads.api-url", THREADS::url);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	@Autowired
	SettableClock clock;

	@Value("${vitrine.base-url}")
	String baseUrl;

	People people;

	WorkspaceSummary workspace;

	People.Person owner;

	@BeforeEach
	void setUp() {
		people = new People(context, mvc);
		owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Brand");
	}

	@AfterEach
	void noViolations() {
		assertThat(THREADS.violations()).as("requests outside the Threads documentation").isEmpty();
	}

	@Test
	void connects_the_threads_profile_with_its_long_lived_token() throws Exception {
		String page = "/w/" + workspace.id() + "/connections";
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = mvc.perform(post(page + "/threads/authorize").session(browser).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(authorizeUrl).startsWith(THREADS.authorizationUri() + "?");
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/threads/callback")
			.containsEntry("client_id", ThreadsApiServer.APP_ID).containsEntry("response_type", "code");

		URI callback = URI.create(THREADS.approve(authorizeUrl));
		mvc.perform(get(callback.getPath() + "?" + callback.getRawQuery()).session(browser))
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute("notice", "boulangerie.martin is connected."));

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
