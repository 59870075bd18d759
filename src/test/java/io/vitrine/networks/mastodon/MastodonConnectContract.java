package io.vitrine.networks.mastodon;

import io.vitrine.testsupport.LocalApiServer;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.internal.PendingAuthorizations;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vitrine.testsupport.LayoutAssertions.assertInLayout;
import static io.vitrine.testsupport.LayoutAssertions.assertWorkspaceNav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connecting Mastodon accounts through Vitrine's REST API (with personal API tokens) and pages (in
 * signed-in browser sessions), through the real security chain, against the contract server.
 */
@WebContract
abstract class MastodonConnectContract {

	private static final String CONNECTED = "@alice@social.example is connected.";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	@Value("${vitrine.base-url}")
	String baseUrl;

	final JsonMapper json = JsonMapper.builder().build();

	MastodonContractServer server;

	People people;

	WorkspaceSummary workspace;

	People.Person owner;

	People.Person otherOwner;

	@BeforeEach
	void setUp() {
		server = new MastodonContractServer();
		// A later test's server may get an earlier one's port: it is a new instance, whose earlier
		// registration (kept in this shared database) must not count.
		jdbc.sql("delete from oauth_client where server_url = ?").param(server.url()).update();
		people = new People(context, mvc);
		owner = people.person("Olga Owner");
		otherOwner = people.person("Oscar Owner");
		workspace = people.workspace(owner, "Brand");
		people.join(workspace, otherOwner, Role.OWNER);
	}

	@AfterEach
	void stop() {
		try {
			assertThat(server.violations()).as("requests that do not follow the Mastodon API description").isEmpty();
		}
		finally {
			server.close();
		}
	}

	/** A REST call with the person's own API token. */
	private ResultActions call(People.Person person, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + people.token(person)));
	}

	/** A page request or form post in a signed-in browser session. */
	private ResultActions browse(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.session(session).with(csrf()));
	}

	private String api() {
		return "/api/v1/workspaces/" + workspace.id() + "/connections/mastodon";
	}

	private String page() {
		return "/w/" + workspace.id() + "/connections";
	}

	private String authorizeUrl(People.Person person) throws Exception {
		MvcResult result = call(person, post(api() + "/authorize").contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\"}"))
			.andExpect(status().isOk())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString()).path("authorizeUrl").asString();
	}

	/** The instance sends the browser back to Vitrine's callback. */
	private ResultActions callback(MockHttpSession session, String code, String state) throws Exception {
		// In the query string, as a browser sends it: a signed-out browser's request is saved with it for after sign-in.
		return mvc.perform(get("/connections/mastodon/callback?code={code}&state={state}", code, state).session(session));
	}

	private static Map<String, String> query(String url) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : URI.create(url).getRawQuery().split("&")) {
			String[] kv = pair.split("=", 2);
			query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
		}
		return query;
	}

	private String storedCredentials() {
		return new String(jdbc.sql("select credentials from connection where workspace_id = ?").param(workspace.id())
			.query(byte[].class).single(), StandardCharsets.ISO_8859_1);
	}

	@Test
	void connects_an_account_with_oauth_from_start_to_finish() throws Exception {
		String authorizeUrl = authorizeUrl(owner);

		assertThat(authorizeUrl).startsWith(server.url() + "/oauth/authorize?");
		Map<String, String> query = query(authorizeUrl);
		assertThat(query).containsEntry("redirect_uri", baseUrl + "/connections/mastodon/callback")
			.containsEntry("response_type", "code")
			.containsEntry("scope", "read:accounts read:statuses write:media write:statuses")
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("client_id", "state", "code_challenge");
		assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);
		LocalApiServer.Request registration = server.requests("POST", "/api/v1/apps").get(0);
		assertThat(registration.json().path("client_name").asString()).isEqualTo("Vitrine");
		assertThat(registration.json().path("redirect_uris").path(0).asString()).isEqualTo(query.get("redirect_uri"));

		String code = server.approve(authorizeUrl);
		MockHttpSession browser = people.signIn(owner);
		MvcResult back = callback(browser, code, query.get("state")).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", CONNECTED))
			.andReturn();

		List<ConnectionView> saved = connections.list(workspace.id());
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.handle()).isEqualTo("@alice@social.example");
			assertThat(c.serverUrl()).isEqualTo(server.url());
			assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
			assertThat(c.limits().maxCharacters()).isEqualTo(500);
		});
		LocalApiServer.Request exchange = server.requests("POST", "/oauth/token").get(0);
		assertThat(exchange.json().path("code_verifier").asString()).isNotBlank();
		String exchangedCode = json.readTree(new String(exchange.body(), StandardCharsets.UTF_8)).path("code").asString();
		assertThat(exchangedCode).isEqualTo(code);
		String accessToken = server.requests("GET", "/api/v1/accounts/verify_credentials").get(0).header("Authorization")
			.substring("Bearer ".length());
		assertThat(storedCredentials()).doesNotContain(accessToken);
		assertThat(connections.openChannel(saved.get(0).id()).credentials().require("accessToken")).isEqualTo(accessToken);

		String html = browse(browser, get(page()).flashAttrs(back.getFlashMap())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertInLayout(html, owner);
		assertThat(html).contains("<p class=\"notice\">" + CONNECTED + "</p>").doesNotContain(accessToken);
		call(owner, get("/api/v1/workspaces/" + workspace.id() + "/connections")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].handle").value("@alice@social.example"))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(accessToken));
	}

	@Test
	void registers_vitrine_once_per_instance() throws Exception {
		authorizeUrl(owner);
		authorizeUrl(otherOwner);

		assertThat(server.registeredApps()).isEqualTo(1);
		List<String> stored = jdbc.sql("select credentials from oauth_client where server_url = ?").param(server.url())
			.query(byte[].class).list().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
		assertThat(stored).singleElement().satisfies(secret -> assertThat(secret).doesNotContain("secret-"));
	}

	@Test
	void the_authorization_response_never_contains_the_client_secret() throws Exception {
		String body = call(owner, post(api() + "/authorize").contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\"}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("authorizeUrl").doesNotContain("secret-");
	}

	@Test
	void does_without_pkce_on_an_instance_that_does_not_offer_it() throws Exception {
		server.supportsPkce = false;
		String authorizeUrl = authorizeUrl(owner);
		assertThat(query(authorizeUrl)).doesNotContainKey("code_challenge");

		String code = server.approve(authorizeUrl);
		callback(people.signIn(owner), code, query(authorizeUrl).get("state")).andExpect(redirectedUrl(page()));

		assertThat(server.requests("POST", "/oauth/token").get(0).json().has("code_verifier")).isFalse();
		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void a_callback_with_someone_elses_state_connects_nothing() throws Exception {
		String authorizeUrl = authorizeUrl(owner);
		String code = server.approve(authorizeUrl);
		String state = query(authorizeUrl).get("state");

		String html = callback(people.signIn(otherOwner), code, state).andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("The Mastodon account was not connected", "started by someone else");
		assertThat(connections.list(workspace.id())).isEmpty();
		assertThat(server.requests("POST", "/oauth/token")).isEmpty();
		callback(people.signIn(owner), code, state).andExpect(redirectedUrl(page()));
		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void the_error_page_of_a_failed_callback_sits_inside_the_layout() throws Exception {
		String html = callback(people.signIn(owner), "some-code", "a-state-nobody-started").andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();

		assertInLayout(html, owner);
		assertThat(html).contains("<title>The Mastodon account was not connected</title>", "role=\"alert\"",
				"Start again from the connections page.");
	}

	@Test
	void a_state_cannot_be_used_twice() throws Exception {
		String authorizeUrl = authorizeUrl(owner);
		String state = query(authorizeUrl).get("state");
		MockHttpSession browser = people.signIn(owner);
		callback(browser, server.approve(authorizeUrl), state).andExpect(redirectedUrl(page()));

		String html = callback(browser, "code-again", state).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("expired, was already used");
		assertThat(server.requests("POST", "/oauth/token")).hasSize(1);
	}

	@Test
	void a_state_older_than_its_validity_connects_nothing() throws Exception {
		String authorizeUrl = authorizeUrl(owner);
		String code = server.approve(authorizeUrl);
		clock.advance(PendingAuthorizations.VALIDITY.plus(Duration.ofMinutes(1)));

		String html = callback(people.signIn(owner), code, query(authorizeUrl).get("state")).andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("expired");
		assertThat(server.requests("POST", "/oauth/token")).isEmpty();
		assertThat(connections.list(workspace.id())).isEmpty();
	}

	@Test
	void an_owner_made_editor_before_coming_back_connects_nothing() throws Exception {
		String authorizeUrl = authorizeUrl(owner);
		String code = server.approve(authorizeUrl);
		call(otherOwner, patch("/api/v1/workspaces/" + workspace.id() + "/members/" + owner.id())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"EDITOR\"}")).andExpect(status().isOk());

		callback(people.signIn(owner), code, query(authorizeUrl).get("state")).andExpect(status().isForbidden());

		assertThat(server.requests("POST", "/oauth/token")).isEmpty();
		assertThat(connections.list(workspace.id())).isEmpty();
	}

	@Test
	void a_person_signed_out_on_the_way_back_signs_in_and_the_account_is_connected() throws Exception {
		String authorizeUrl = authorizeUrl(owner);
		String code = server.approve(authorizeUrl);
		MockHttpSession browser = new MockHttpSession();

		callback(browser, code, query(authorizeUrl).get("state")).andExpect(redirectedUrl("/login"));
		assertThat(server.requests("POST", "/oauth/token")).isEmpty();
		MvcResult signIn = mvc.perform(post("/login").session(browser).with(csrf())
			.param("email", owner.email())
			.param("password", People.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String back = signIn.getResponse().getRedirectedUrl();
		assertThat(back).contains("/connections/mastodon/callback?", "code=" + code);
		mvc.perform(get(URI.create(back)).session((MockHttpSession) signIn.getRequest().getSession(false)))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", CONNECTED));

		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void a_person_who_refuses_on_the_instance_is_told_and_nothing_is_saved() throws Exception {
		String state = query(authorizeUrl(owner)).get("state");

		mvc.perform(get("/connections/mastodon/callback").session(people.signIn(owner))
			.param("error", "access_denied")
			.param("error_description", "The resource owner or authorization server denied the request.")
			.param("state", state))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("errorMessage", org.hamcrest.Matchers.containsString("was not given access")));

		assertThat(connections.list(workspace.id())).isEmpty();
	}

	@Test
	void connects_an_account_with_a_personal_access_token() throws Exception {
		String token = server.issueToken();

		String body = call(owner, post(api()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "/@alice\",\"accessToken\":\"" + token + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.handle").value("@alice@social.example"))
			.andExpect(jsonPath("$.network").value("mastodon"))
			.andExpect(jsonPath("$.serverUrl").value(server.url()))
			.andExpect(jsonPath("$.limits.maxCharacters").value(500))
			.andExpect(jsonPath("$.limits.charactersPerUrl").value(23))
			.andExpect(jsonPath("$.limits.maxAltTextCharacters").value(1500))
			.andReturn().getResponse().getContentAsString();

		assertThat(body).doesNotContain(token);
		assertThat(storedCredentials()).doesNotContain(token);
	}

	@Test
	void a_token_revoked_before_verification_is_refused_clearly() throws Exception {
		String token = server.issueToken();
		server.revoke(token);

		call(owner, post(api()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\",\"accessToken\":\"" + token + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accessToken"))
			.andExpect(jsonPath("$.errors[0].rule").value("token-refused"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("The access token is invalid")));

		assertThat(connections.list(workspace.id())).isEmpty();
	}

	@Test
	void a_server_that_is_not_mastodon_is_named_as_such() throws Exception {
		server.respondOnce("GET", "/api/v2/instance", r -> server.error(404, "Not Found"));

		call(owner, post(api()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\",\"accessToken\":\"t\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("instanceUrl"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-mastodon"));
	}

	@Test
	void an_unreachable_instance_is_named_as_such() throws Exception {
		int closedPort;
		try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = probe.getLocalPort();
		}
		call(owner, post(api()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"http://127.0.0.1:" + closedPort + "\",\"accessToken\":\"t\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("instanceUrl"))
			.andExpect(jsonPath("$.errors[0].rule").value("unreachable"));
	}

	@Test
	void the_page_form_connects_with_a_token_and_reports_a_refused_one() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		MvcResult refused = browse(browser, post(page() + "/mastodon/token").param("instanceUrl", server.url())
			.param("accessToken", "wrong"))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("errorRule", "token-refused"))
			.andReturn();
		String html = browse(browser, get(page()).flashAttrs(refused.getFlashMap())).andReturn().getResponse()
			.getContentAsString();
		assertInLayout(html, owner);
		assertThat(html).contains("role=\"alert\"", "The instance refused this access token")
			.contains("value=\"" + server.url() + "\"")
			.doesNotContain("wrong");

		browse(browser, post(page() + "/mastodon/token").param("instanceUrl", server.url())
			.param("accessToken", server.issueToken()))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", CONNECTED));
		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void the_page_form_sends_the_person_to_the_instance_and_back() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String authorizeUrl = browse(browser, post(page() + "/mastodon/authorize").param("instanceUrl", server.url()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(authorizeUrl).startsWith(server.url() + "/oauth/authorize?");

		callback(browser, server.approve(authorizeUrl), query(authorizeUrl).get("state")).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", CONNECTED));

		assertThat(connections.list(workspace.id())).singleElement()
			.satisfies(c -> assertThat(c.handle()).isEqualTo("@alice@social.example"));
	}

	@Test
	void the_page_form_explains_a_refused_instance_address_and_keeps_what_was_typed() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		MvcResult refused = browse(browser, post(page() + "/mastodon/authorize").param("instanceUrl", "not a url at all"))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attributeExists("errorRule"))
			.andReturn();

		String html = browse(browser, get(page()).flashAttrs(refused.getFlashMap())).andReturn().getResponse()
			.getContentAsString();

		assertInLayout(html, owner);
		assertWorkspaceNav(html, workspace.id(), "connections");
		assertThat(html).contains("role=\"alert\"", "value=\"not a url at all\"", "aria-invalid=\"true\"");
	}
}
