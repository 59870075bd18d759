package io.vitrine.networks.linkedin;

import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.testsupport.RequestBodies;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.testsupport.OAuthConnectContract;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting LinkedIn identities through the shared OAuth 2 flow and the account choice that
 * follows it, by page and by REST, through the real security chain, against a local LinkedIn.
 */
@WebContract
abstract class LinkedInConnectContract extends OAuthConnectContract {

	static final LinkedInContractServer LINKEDIN = new LinkedInContractServer(Clock.systemUTC());

	@DynamicPropertySource
	static void linkedin(DynamicPropertyRegistry registry) {
		registry.add("vitrine.networks.linkedin.client-id", () -> LinkedInContractServer.CLIENT_ID);
		registry.add("vitrine.networks.linkedin.client-secret", () -> LinkedInContractServer.CLIENT_SECRET);
		registry.add("vitrine.networks.linkedin.authorization-uri", LINKEDIN::authorizationUri);
		registry.add("vitrine.networks.linkedin.token-uri", LINKEDIN::tokenUri);
		registry.add("vitrine.networks.linkedin.api-url", LINKEDIN::url);
	}

	@Autowired
	JdbcClient jdbc;

	People.Person otherOwner;

	@BeforeEach
	void anotherOwner() {
		otherOwner = joins("Oscar Owner", Role.OWNER);
	}

	@AfterEach
	void noViolations() {
		assertThat(LINKEDIN.violations()).as("requests outside LinkedIn's documentation").isEmpty();
	}

	@Test
	void connects_the_page_chosen_after_signing_in_on_linkedin() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		offersToConnect(browser, "linkedin");

		String authorizeUrl = authorize(browser, "linkedin");
		assertThat(authorizeUrl).startsWith(LINKEDIN.authorizationUri() + "?");
		Map<String, String> query = RequestBodies.query(URI.create(authorizeUrl).getRawQuery());
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/linkedin/callback")
			.containsEntry("client_id", LinkedInContractServer.CLIENT_ID).containsEntry("response_type", "code")
			.doesNotContainKey("code_challenge");
		assertThat(query.get("scope").split(" ")).containsExactlyInAnyOrderElementsOf(LinkedInContractServer.SCOPES);

		String choice = signInToChoose(browser, "linkedin", LINKEDIN::approve);
		String form = browse(browser, get(choice)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Choose the LinkedIn accounts to connect").contains("<legend>Publish as</legend>")
			.contains(LinkedInContractServer.MEMBER_NAME).contains(LinkedInContractServer.ORGANIZATION_NAME)
			.contains("value=\"" + LinkedInContractServer.ORGANIZATION + "\"").doesNotContain("AQV");
		assertThat(connections.list(workspace.id())).as("nothing connected before the choice").isEmpty();

		browse(browser, post(choice).param("accounts", LinkedInContractServer.ORGANIZATION)).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "Boulangerie Martin is connected."));

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.network().value()).isEqualTo("linkedin");
			assertThat(c.handle()).isEqualTo(LinkedInContractServer.ORGANIZATION_NAME);
			assertThat(c.displayName()).isEqualTo("linkedin.com/company/boulangerie-martin");
			assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
			assertThat(c.limits().maxCharacters()).isEqualTo(3000);
		});
		assertThat(connections.openChannel(saved.getFirst().id()).remoteAccountId()).isEqualTo(LinkedInContractServer.ORGANIZATION);
		LocalApiServer.Request exchange = LINKEDIN.requests("POST", "/oauth/v2/accessToken").getLast();
		assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
			.containsEntry("redirect_uri", baseUrl + "/connections/linkedin/callback")
			.containsEntry("client_id", LinkedInContractServer.CLIENT_ID)
			.containsEntry("client_secret", LinkedInContractServer.CLIENT_SECRET).doesNotContainKey("code_verifier");
		var credentials = connections.openChannel(saved.getFirst().id()).credentials();
		String access = credentials.require("accessToken");
		assertThat(credentials.require("refreshToken")).startsWith("AQX");
		String stored = new String(jdbc.sql("select credentials from connection where id = ?").param(saved.getFirst().id())
			.query(byte[].class).single(), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain(access);
		String waiting = new String(jdbc.sql("select secrets from oauth_pending").query(byte[].class).list().stream()
			.reduce(new byte[0], (a, b) -> b), StandardCharsets.ISO_8859_1);
		assertThat(waiting).doesNotContain(access);
	}

	@Test
	void the_choice_works_once_for_its_person_only_and_an_empty_choice_is_refused_and_kept() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String choice = signInToChoose(browser, "linkedin", LINKEDIN::approve);

		browse(people.signIn(otherOwner), get(choice)).andExpect(status().isNotFound());
		browse(people.signIn(otherOwner), post(choice).param("accounts", LinkedInContractServer.MEMBER))
			.andExpect(status().isNotFound());
		browse(browser, post(choice)).andExpect(redirectedUrl(choice))
			.andExpect(flash().attribute("errorMessage", "Choose at least one account to connect."));
		browse(browser, post(choice).param("accounts", "urn:li:organization:999")).andExpect(redirectedUrl(choice))
			.andExpect(flash().attribute("errorRule", "not-offered"));
		browse(browser, post(choice).param("accounts", LinkedInContractServer.MEMBER, LinkedInContractServer.ORGANIZATION))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "Marie Martin, Boulangerie Martin is connected."));
		browse(browser, post(choice).param("accounts", LinkedInContractServer.MEMBER)).andExpect(status().isNotFound());

		assertThat(connections.list(workspace.id())).extracting(ConnectionView::handle)
			.containsExactlyInAnyOrder(LinkedInContractServer.MEMBER_NAME, LinkedInContractServer.ORGANIZATION_NAME);
	}

	@Test
	void the_rest_twin_shows_the_choice_and_connects_the_chosen_identities() throws Exception {
		String choice = signInToChoose(people.signIn(owner), "linkedin", LINKEDIN::approve);
		String id = choice.substring(choice.lastIndexOf('/') + 1);
		String api = "/api/v1/workspaces/" + workspace.id() + "/connections/choices/" + id;

		call(owner, get(api)).andExpect(status().isOk()).andExpect(jsonPath("$.network").value("linkedin"))
			.andExpect(jsonPath("$.accounts[0].remoteAccountId").value(LinkedInContractServer.MEMBER))
			.andExpect(jsonPath("$.accounts[1].handle").value(LinkedInContractServer.ORGANIZATION_NAME))
			.andExpect(jsonPath("$.accounts[0].credentials").doesNotExist());
		call(otherOwner, get(api)).andExpect(status().isNotFound());
		call(owner, post(api).contentType(MediaType.APPLICATION_JSON).content("{\"accounts\":[]}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("accounts"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		call(owner, post(api).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accounts\":[\"" + LinkedInContractServer.MEMBER + "\"]}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].network").value("linkedin"))
			.andExpect(jsonPath("$[0].handle").value(LinkedInContractServer.MEMBER_NAME));
		call(owner, get(api)).andExpect(status().isNotFound());
	}

	@Test
	void a_refusal_on_linkedin_connects_nothing_and_says_so() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = authorize(browser, "linkedin");
		String state = RequestBodies.query(URI.create(authorizeUrl).getRawQuery()).get("state");

		mvc.perform(get("/connections/linkedin/callback?error=user_cancelled_login&error_description={d}&state={s}",
				"The member declined to log in", state).session(browser))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("errorMessage", "LinkedIn did not authorize Vitrine: The member declined to log in"));
		assertThat(connections.list(workspace.id())).isEmpty();
	}

	@Test
	void a_choice_id_is_never_accepted_as_a_callback_state() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String choice = signInToChoose(browser, "linkedin", LINKEDIN::approve);
		String id = choice.substring(choice.lastIndexOf('/') + 1);

		mvc.perform(get("/connections/linkedin/callback?code=AQT1&state={s}", id).session(browser))
			.andExpect(status().isBadRequest());
		browse(browser, get(choice)).andExpect(status().isOk());
	}
}
