package io.vitrine.networks.facebook;

import io.vitrine.testsupport.RequestBodies;
import io.vitrine.networks.ConnectionView;
import io.vitrine.testsupport.OAuthConnectContract;
import io.vitrine.testsupport.WebContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Connecting Facebook Pages: Facebook Login, then the shared choice among the person's Pages, on a local Graph API. */
@WebContract
abstract class FacebookConnectContract extends OAuthConnectContract {

	static final GraphContractServer GRAPH = new GraphContractServer(Clock.systemUTC());

	@DynamicPropertySource
	static void facebook(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.facebook.client-id", () -> GraphContractServer.APP_ID);
		registry.add("vitrine.networks.facebook.client-secret", () -> GraphContractServer.APP_SECRET);
		registry.add("vitrine.networks.facebook.authorization-uri", GRAPH::authorizationUri);
		registry.add("vitrine.networks.facebook.graph-url", GRAPH::url);
	}

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void noViolations() {
		assertThat(GRAPH.violations()).as("requests outside Meta's documentation").isEmpty();
	}

	@Test
	void connects_the_pages_chosen_after_facebook_login_each_with_its_page_token() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "facebook");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/facebook/callback")
			.containsEntry("client_id", GraphContractServer.APP_ID).doesNotContainKey("code_challenge");

		String choice = comeBack(browser, GRAPH.approve(authorizeUrl));
		String form = browse(browser, get(choice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Choose the Facebook accounts to connect").contains(GraphContractServer.PAGE_NAME)
			.contains(GraphContractServer.OTHER_PAGE_NAME).doesNotContain("Read-only Page").doesNotContainPattern("EAA[PUL][0-9]");

		browse(browser, post(choice).param("accounts", GraphContractServer.PAGE_ID)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "Boulangerie Martin is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("facebook");
			assertThat(c.limits().maxCharacters()).isEqualTo(63_206);
		});
		String token = connections.openChannel(saved.getFirst().id()).credentials().require("accessToken");
		assertThat(token).as("the Page token, never the user token").startsWith("EAAP");
		assertThat(connections.openChannel(saved.getFirst().id()).credentials().asMap()).containsOnlyKeys("accessToken");
		String stored = new String(jdbc.sql("select credentials from connection where id = ?").param(saved.getFirst().id())
			.query(byte[].class).single(), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain(token);
	}
}
