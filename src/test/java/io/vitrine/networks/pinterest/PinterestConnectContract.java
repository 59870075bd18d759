package io.vitrine.networks.pinterest;

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
import java.util.Base64;
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
 * Connecting Pinterest boards through the shared OAuth 2 flow and the board choice that follows it, by page and
 * by REST, through the real security chain, against a local Pinterest that answers as its API description says.
 */
@WebContract
abstract class PinterestConnectContract extends OAuthConnectContract {

	static final PinterestContractServer PINTEREST = new PinterestContractServer(Clock.systemUTC());

	@DynamicPropertySource
	static void pinterest(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.pinterest.client-id", () -> PinterestContractServer.CLIENT_ID);
		registry.add("vitrine.networks.pinterest.client-secret", () -> PinterestContractServer.CLIENT_SECRET);
		registry.add("vitrine.networks.pinterest.authorization-uri", PINTEREST::authorizationUri);
		registry.add("vitrine.networks.pinterest.token-uri", PINTEREST::tokenUri);
		registry.add("vitrine.networks.pinterest.api-url", PINTEREST::apiUrl);
	}

	@AfterEach
	void noViolations() {
		assertThat(PINTEREST.violations()).as("requests outside Pinterest's API description").isEmpty();
	}

	@Test
	void connects_the_board_chosen_after_signing_in_on_pinterest() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String html = browse(browser, get(page())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("action=\"/w/" + workspace.id() + "/connections/pinterest/authorize\"");

		String authorizeUrl = authorize(browser, "pinterest");
		assertThat(authorizeUrl).startsWith(PINTEREST.authorizationUri() + "?");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/pinterest/callback")
			.containsEntry("client_id", PinterestContractServer.CLIENT_ID).containsEntry("response_type", "code")
			.doesNotContainKey("code_challenge");
		assertThat(query.get("scope").split(",")).containsExactlyInAnyOrderElementsOf(PinterestContractServer.SCOPES);

		String choice = signInToChoose(browser, "pinterest", PINTEREST::approve);
		String form = browse(browser, get(choice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Choose the Pinterest accounts to connect")
			.contains(PinterestContractServer.BOARD_NAME).contains(PinterestContractServer.OTHER_BOARD_NAME)
			.contains("value=\"" + PinterestContractServer.BOARD_ID + "\"").doesNotContain("pina_");
		assertThat(connections.list(workspace.id())).as("nothing connected before the choice").isEmpty();

		browse(browser, post(choice).param("accounts", PinterestContractServer.BOARD_ID)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", PinterestContractServer.BOARD_NAME + " is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("pinterest");
			assertThat(c.handle()).isEqualTo(PinterestContractServer.BOARD_NAME);
			assertThat(c.displayName()).isEqualTo("pinterest.com/" + PinterestContractServer.USERNAME);
			assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
			assertThat(c.limits().maxCharacters()).isEqualTo(500);
		});
		var channel = connections.openChannel(saved.getFirst().id());
		assertThat(channel.remoteAccountId()).isEqualTo(PinterestContractServer.BOARD_ID);
		assertThat(channel.credentials().require("refreshToken")).startsWith("pinr_");
		LocalApiServer.Request exchange = PINTEREST.requests("POST", "/v5/oauth/token").getLast();
		assertThat(exchange.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString((PinterestContractServer.CLIENT_ID + ":" + PinterestContractServer.CLIENT_SECRET).getBytes()));
		assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
			.containsEntry("redirect_uri", baseUrl + "/connections/pinterest/callback").doesNotContainKey("client_secret")
			.doesNotContainKey("code_verifier");
	}

	@Test
	void the_rest_twin_shows_the_boards_and_connects_the_chosen_ones() throws Exception {
		String choice = signInToChoose(people.signIn(owner), "pinterest", PINTEREST::approve);
		String id = choice.substring(choice.lastIndexOf('/') + 1);
		String api = "/api/v1/workspaces/" + workspace.id() + "/connections/choices/" + id;

		call(owner, get(api)).andExpect(status().isOk())
			.andExpect(jsonPath("$.network").value("pinterest"))
			.andExpect(jsonPath("$.accounts[0].remoteAccountId").value(PinterestContractServer.BOARD_ID))
			.andExpect(jsonPath("$.accounts[1].handle").value(PinterestContractServer.OTHER_BOARD_NAME))
			.andExpect(jsonPath("$.accounts[0].credentials").doesNotExist());
		call(owner, post(api).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accounts\":[\"" + PinterestContractServer.BOARD_ID + "\",\"" + PinterestContractServer.OTHER_BOARD_ID + "\"]}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].network").value("pinterest"))
			.andExpect(jsonPath("$[1].handle").value(PinterestContractServer.OTHER_BOARD_NAME));
		assertThat(connections.list(workspace.id())).extracting(ConnectionView::handle)
			.containsExactlyInAnyOrder(PinterestContractServer.BOARD_NAME, PinterestContractServer.OTHER_BOARD_NAME);
	}

	@Test
	void a_refusal_on_pinterest_connects_nothing_and_says_so() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "pinterest");
		String state = RequestBodies.query(URI.create(authorizeUrl).getRawQuery()).get("state");

		mvc.perform(get("/connections/pinterest/callback?error=access_denied&state={s}", state).session(browser))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("errorMessage", "Vitrine was not given access on Pinterest; no account was connected."));
		assertThat(connections.list(workspace.id())).isEmpty();
	}
}
