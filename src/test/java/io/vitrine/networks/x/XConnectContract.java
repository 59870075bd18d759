package io.vitrine.networks.x;

import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.testsupport.OAuthConnectContract;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * Connecting X accounts through the shared OAuth 2 flow (authorization code + PKCE), by page and
 * by REST, through the real security chain, against a local X authorization server.
 */
@WebContract
abstract class XConnectContract extends OAuthConnectContract {

	/** One X for the whole run: its address is part of the application's configuration. */
	static final XContractServer X = new XContractServer(Clock.systemUTC());

	@DynamicPropertySource
	static void x(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.x.client-id", () -> XContractServer.CLIENT_ID);
		registry.add("vitrine.networks.x.client-secret", () -> XContractServer.CLIENT_SECRET);
		registry.add("vitrine.networks.x.authorization-uri", X::authorizationUri);
		registry.add("vitrine.networks.x.token-uri", X::tokenUri);
		registry.add("vitrine.networks.x.api-url", X::url);
	}

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	People.Person otherOwner;

	@BeforeEach
	void anotherOwner() {
		otherOwner = joins("Oscar Owner", Role.OWNER);
	}

	@AfterEach
	void noViolations() {
		assertThat(X.violations()).as("requests outside the X API description").isEmpty();
	}

	@Test
	void connects_an_x_account_from_the_page_with_pkce_and_keeps_its_tokens_encrypted() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		offersToConnect(browser, "x");

		String authorizeUrl = authorize(browser, "x");
		assertThat(authorizeUrl).startsWith(X.authorizationUri() + "?");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/x/callback")
			.containsEntry("client_id", XContractServer.CLIENT_ID)
			.containsEntry("code_challenge_method", "S256");
		assertThat(query.get("scope").split(" ")).containsExactlyInAnyOrder("tweet.read", "tweet.write", "users.read",
				"offline.access", "media.write");

		back(browser, X.approve(authorizeUrl)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "@boulangerie is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("x");
			assertThat(c.handle()).isEqualTo("@boulangerie");
			assertThat(c.displayName()).isEqualTo("Boulangerie Martin");
			assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
			assertThat(c.limits().maxCharacters()).isEqualTo(280);
		});
		LocalApiServer.Request exchange = X.requests("POST", "/2/oauth2/token").getLast();
		assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
			.containsEntry("redirect_uri", baseUrl + "/connections/x/callback").containsKey("code_verifier");
		var credentials = connections.openChannel(saved.getFirst().id()).credentials();
		String access = credentials.require("accessToken");
		assertThat(credentials.require("refreshToken")).startsWith("refresh-");
		assertThat(credentials.require("expiresAt")).isNotBlank();
		String stored = new String(jdbc.sql("select credentials from connection where id = ?").param(saved.getFirst().id())
			.query(byte[].class).single(), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain(access).doesNotContain(credentials.require("refreshToken"));
	}

	@Test
	void the_state_works_once_and_only_for_the_person_who_started() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "x");
		String callback = X.approve(authorizeUrl);

		back(people.signIn(otherOwner), callback).andExpect(status().isBadRequest());
		back(browser, callback).andExpect(redirectedUrl(page()));
		back(browser, callback).andExpect(status().isBadRequest());
		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void a_refusal_on_x_connects_nothing_and_says_so() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "x");
		String state = RequestBodies.query(URI.create(authorizeUrl).getRawQuery()).get("state");

		mvc.perform(get("/connections/x/callback?error=access_denied&state={s}", state).session(browser))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("errorMessage", "Vitrine was not given access on X; no account was connected."));
		assertThat(connections.list(workspace.id())).isEmpty();
	}

	@Test
	void the_rest_twin_lists_the_offer_and_starts_the_authorization() throws Exception {
		call(owner, get("/api/v1/workspaces/" + workspace.id() + "/connections/oauth-networks")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].network").value("x"))
			.andExpect(jsonPath("$[0].redirectUri").value(baseUrl + "/connections/x/callback"));
		MvcResult started = call(owner, post("/api/v1/workspaces/" + workspace.id() + "/connections/x/authorize"))
			.andExpect(status().isOk()).andReturn();
		String authorizeUrl = json.readTree(started.getResponse().getContentAsString()).path("authorizeUrl").asString();
		assertThat(authorizeUrl).startsWith(X.authorizationUri()).doesNotContain(XContractServer.CLIENT_SECRET);

		back(people.signIn(owner), X.approve(authorizeUrl)).andExpect(redirectedUrl(page()));
		assertThat(connections.list(workspace.id())).extracting(ConnectionView::handle).containsExactly("@boulangerie");
		call(owner, post("/api/v1/workspaces/" + workspace.id() + "/connections/linkedin/authorize")).andExpect(status().isNotFound());
	}

	@Test
	void an_account_that_needs_reconnecting_gets_a_reconnect_button_through_x() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "x");
		back(browser, X.approve(authorizeUrl));
		ConnectionView account = connections.list(workspace.id()).getFirst();
		connections.markNeedsReconnect(account.id(), "the network refused to refresh the access token");

		String html = browse(browser, get(page())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Needs reconnect").contains("the network refused to refresh the access token");
		assertThat(html.split("/connections/x/authorize\"", -1)).as("the Reconnect form and the Connect form").hasSize(3);
	}
}
