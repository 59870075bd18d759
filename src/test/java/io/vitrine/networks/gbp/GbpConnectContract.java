package io.vitrine.networks.gbp;

import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.OAuthConnectContract;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.WebContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting Business Profile locations through the shared OAuth 2 flow (with PKCE and offline access) and the
 * location choice that follows it, by page and by REST, through the real security chain, against a local Google.
 */
@WebContract
abstract class GbpConnectContract extends OAuthConnectContract {

	static final GoogleContractServer GOOGLE = new GoogleContractServer(Clock.systemUTC());

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.gbp.client-id", () -> GoogleContractServer.CLIENT_ID);
		registry.add("vitrine.networks.gbp.client-secret", () -> GoogleContractServer.CLIENT_SECRET);
		registry.add("vitrine.networks.gbp.authorization-uri", GOOGLE::authorizationUri);
		registry.add("vitrine.networks.gbp.token-uri", GOOGLE::tokenUri);
		registry.add("vitrine.networks.gbp.accounts-url", GOOGLE::url);
		registry.add("vitrine.networks.gbp.locations-url", GOOGLE::url);
		registry.add("vitrine.networks.gbp.posts-url", GOOGLE::url);
	}

	@AfterEach
	void noViolations() {
		assertThat(GOOGLE.violations()).as("requests outside Google's reference").isEmpty();
	}

	@Test
	void connects_the_location_chosen_after_signing_in_with_google() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "gbp");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/gbp/callback")
			.containsEntry("client_id", GoogleContractServer.CLIENT_ID).containsEntry("scope", GoogleContractServer.SCOPE)
			.containsEntry("access_type", "offline").containsEntry("prompt", "consent")
			.containsEntry("code_challenge_method", "S256");

		String choice = signInToChoose(browser, "gbp", GOOGLE::approve);
		String form = browse(browser, get(choice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Choose the Google Business Profile accounts to connect")
			.contains(GoogleContractServer.LOCATION_TITLE).contains(GoogleContractServer.OTHER_LOCATION_TITLE)
			.doesNotContain("ya29.");

		browse(browser, post(choice).param("accounts", GoogleContractServer.LOCATION)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", GoogleContractServer.LOCATION_TITLE + " is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("gbp");
			assertThat(c.handle()).isEqualTo(GoogleContractServer.LOCATION_TITLE);
			assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
			assertThat(c.limits().maxCharacters()).isEqualTo(1500);
		});
		var channel = connections.openChannel(saved.getFirst().id());
		assertThat(channel.remoteAccountId()).isEqualTo(GoogleContractServer.LOCATION);
		assertThat(channel.credentials().require("refreshToken")).startsWith("1//");
		LocalApiServer.Request exchange = GOOGLE.requests("POST", "/token").getLast();
		assertThat(exchange.form()).containsEntry("grant_type", "authorization_code").containsKey("code_verifier")
			.containsEntry("client_secret", GoogleContractServer.CLIENT_SECRET);
	}

	@Test
	void the_rest_twin_lists_the_locations_and_connects_the_chosen_one() throws Exception {
		String choice = signInToChoose(people.signIn(owner), "gbp", GOOGLE::approve);
		String api = "/api/v1/workspaces/" + workspace.id() + "/connections/choices/" + choice.substring(choice.lastIndexOf('/') + 1);

		call(owner, get(api)).andExpect(status().isOk())
			.andExpect(jsonPath("$.network").value("gbp"))
			.andExpect(jsonPath("$.accounts[1].remoteAccountId").value(GoogleContractServer.OTHER_LOCATION));
		call(owner, post(api).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accounts\":[\"" + GoogleContractServer.OTHER_LOCATION + "\"]}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].handle").value(GoogleContractServer.OTHER_LOCATION_TITLE));
	}
}
