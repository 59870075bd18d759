package io.vitrine.networks.mastodon;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.web.TestMembers;
import io.vitrine.shared.Ids;
import io.vitrine.workspaces.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Connecting Mastodon accounts through Vitrine's REST API and pages, against the contract server. */
@SpringBootTest(properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestMembers.class)
abstract class MastodonConnectContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestMembers members;

	@Autowired
	Connections connections;

	@Autowired
	JdbcClient jdbc;

	@Value("${vitrine.base-url}")
	String baseUrl;

	final JsonMapper json = JsonMapper.builder().build();

	MastodonContractServer server;

	UUID workspace;

	CurrentUser owner;

	CurrentUser otherOwner;

	@BeforeEach
	void setUp() {
		server = new MastodonContractServer();
		workspace = Ids.next();
		jdbc.sql("insert into workspace (id, name, time_zone, created_at) values (?, 'Brand', 'Europe/Paris', ?)")
			.params(workspace, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		owner = members.user("owner");
		otherOwner = members.user("other");
		members.join(owner, workspace, Role.OWNER);
		members.join(otherOwner, workspace, Role.OWNER);
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

	private static MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		return request.with(user(user.id().toString())).with(csrf());
	}

	private String api() {
		return "/api/v1/workspaces/" + workspace + "/connections/mastodon";
	}

	private String authorizeUrl(CurrentUser user) throws Exception {
		MvcResult result = mvc.perform(as(user, post(api() + "/authorize")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\"}"))
			.andExpect(status().isOk())
			.andReturn();
		return json.readTree(result.getResponse().getContentAsString()).path("authorizeUrl").asString();
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
		return new String(jdbc.sql("select credentials from connection where workspace_id = ?").param(workspace)
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
		MastodonContractServer.Recorded registration = server.requests("POST", "/api/v1/apps").get(0);
		assertThat(registration.json().path("client_name").asString()).isEqualTo("Vitrine");
		assertThat(registration.json().path("redirect_uris").path(0).asString()).isEqualTo(query.get("redirect_uri"));

		String code = server.approve(authorizeUrl);
		mvc.perform(as(owner, get("/connections/mastodon/callback")).param("code", code).param("state", query.get("state")))
			.andExpect(redirectedUrl("/w/" + workspace + "/connections"))
			.andExpect(flash().attribute("notice", "networks.connections.connected"));

		List<ConnectionView> saved = connections.list(workspace);
		assertThat(saved).singleElement().satisfies(c -> {
			assertThat(c.handle()).isEqualTo("@alice@social.example");
			assertThat(c.serverUrl()).isEqualTo(server.url());
			assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
			assertThat(c.limits().maxCharacters()).isEqualTo(500);
		});
		MastodonContractServer.Recorded exchange = server.requests("POST", "/oauth/token").get(0);
		assertThat(exchange.json().path("code_verifier").asString()).isNotBlank();
		String exchangedCode = json.readTree(new String(exchange.body(), StandardCharsets.UTF_8))
			.path("code").asString();
		assertThat(exchangedCode).isEqualTo(code);
		String accessToken = server.requests("GET", "/api/v1/accounts/verify_credentials").get(0).header("Authorization")
			.substring("Bearer ".length());
		assertThat(storedCredentials()).doesNotContain(accessToken);
		assertThat(connections.openChannel(saved.get(0).id()).credentials().require("accessToken")).isEqualTo(accessToken);
	}

	@Test
	void registers_vitrine_once_per_instance() throws Exception {
		authorizeUrl(owner);
		authorizeUrl(otherOwner);

		assertThat(server.registeredApps()).isEqualTo(1);
		String secret = jdbc.sql("select credentials from oauth_client").query(byte[].class).list().stream()
			.map(b -> new String(b, StandardCharsets.ISO_8859_1)).findFirst().orElseThrow();
		assertThat(secret).doesNotContain("secret-");
	}

	@Test
	void the_authorization_response_never_contains_the_client_secret() throws Exception {
		String body = mvc.perform(as(owner, post(api() + "/authorize")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\"}"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("secret-");
	}

	@Test
	void does_without_pkce_on_an_instance_that_does_not_offer_it() throws Exception {
		server.supportsPkce = false;
		String authorizeUrl = authorizeUrl(owner);
		assertThat(query(authorizeUrl)).doesNotContainKey("code_challenge");

		String code = server.approve(authorizeUrl);
		mvc.perform(as(owner, get("/connections/mastodon/callback")).param("code", code)
			.param("state", query(authorizeUrl).get("state")));

		assertThat(server.requests("POST", "/oauth/token").get(0).json().has("code_verifier")).isFalse();
		assertThat(connections.list(workspace)).hasSize(1);
	}

	@Test
	void a_callback_with_someone_elses_state_connects_nothing() throws Exception {
		String authorizeUrl = authorizeUrl(owner);
		String code = server.approve(authorizeUrl);
		String state = query(authorizeUrl).get("state");

		mvc.perform(as(otherOwner, get("/connections/mastodon/callback")).param("code", code).param("state", state))
			.andExpect(status().isBadRequest());

		assertThat(connections.list(workspace)).isEmpty();
		mvc.perform(as(owner, get("/connections/mastodon/callback")).param("code", code).param("state", state))
			.andExpect(redirectedUrl("/w/" + workspace + "/connections"));
		assertThat(connections.list(workspace)).hasSize(1);
	}

	@Test
	void a_state_cannot_be_used_twice() throws Exception {
		String authorizeUrl = authorizeUrl(owner);
		String state = query(authorizeUrl).get("state");
		mvc.perform(as(owner, get("/connections/mastodon/callback")).param("code", server.approve(authorizeUrl))
			.param("state", state));

		String html = mvc.perform(as(owner, get("/connections/mastodon/callback")).param("code", "code-again")
			.param("state", state)).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("expired, was already used");
		assertThat(server.requests("POST", "/oauth/token")).hasSize(1);
	}

	@Test
	void a_person_who_refuses_on_the_instance_is_told_and_nothing_is_saved() throws Exception {
		String state = query(authorizeUrl(owner)).get("state");

		mvc.perform(as(owner, get("/connections/mastodon/callback")).param("error", "access_denied")
			.param("error_description", "The resource owner or authorization server denied the request.").param("state", state))
			.andExpect(redirectedUrl("/w/" + workspace + "/connections"))
			.andExpect(flash().attribute("errorMessage", org.hamcrest.Matchers.containsString("was not given access")));

		assertThat(connections.list(workspace)).isEmpty();
	}

	@Test
	void connects_an_account_with_a_personal_access_token() throws Exception {
		String token = server.issueToken();

		String body = mvc.perform(as(owner, post(api())).contentType(MediaType.APPLICATION_JSON)
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

		mvc.perform(as(owner, post(api())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\",\"accessToken\":\"" + token + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accessToken"))
			.andExpect(jsonPath("$.errors[0].rule").value("token-refused"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("The access token is invalid")));

		assertThat(connections.list(workspace)).isEmpty();
	}

	@Test
	void a_server_that_is_not_mastodon_is_named_as_such() throws Exception {
		server.respondOnce("GET", "/api/v2/instance", r -> server.error(404, "Not Found"));

		mvc.perform(as(owner, post(api())).contentType(MediaType.APPLICATION_JSON)
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
		mvc.perform(as(owner, post(api())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"http://127.0.0.1:" + closedPort + "\",\"accessToken\":\"t\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("instanceUrl"))
			.andExpect(jsonPath("$.errors[0].rule").value("unreachable"));
	}

	@Test
	void the_page_form_connects_with_a_token_and_reports_a_refused_one() throws Exception {
		String page = "/w/" + workspace + "/connections";
		mvc.perform(as(owner, post(page + "/mastodon/token")).param("instanceUrl", server.url()).param("accessToken", "wrong"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("errorRule", "token-refused"));
		mvc.perform(as(owner, post(page + "/mastodon/token")).param("instanceUrl", server.url())
			.param("accessToken", server.issueToken()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("notice", "networks.connections.connected"));
		assertThat(connections.list(workspace)).hasSize(1);
	}

	@Test
	void the_page_form_sends_the_person_to_the_instance() throws Exception {
		MvcResult result = mvc.perform(as(owner, post("/w/" + workspace + "/connections/mastodon/authorize"))
			.param("instanceUrl", server.url()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith(server.url() + "/oauth/authorize?");
	}
}
