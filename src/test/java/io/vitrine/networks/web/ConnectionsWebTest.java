package io.vitrine.networks.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.shared.Ids;
import io.vitrine.testsupport.OnH2;
import io.vitrine.workspaces.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestMembers.class)
class ConnectionsWebTest implements OnH2 {

	private static final String SECRET = "secret-token-that-never-leaves";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestMembers members;

	@Autowired
	Connections connections;

	@Autowired
	JdbcClient jdbc;

	UUID workspace;

	CurrentUser owner;

	CurrentUser editor;

	CurrentUser stranger;

	ConnectionView account;

	@BeforeEach
	void setUp() {
		workspace = Ids.next();
		jdbc.sql("insert into workspace (id, name, time_zone, created_at) values (?, 'Brand', 'Europe/Paris', ?)")
			.params(workspace, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		owner = members.user("owner");
		editor = members.user("editor");
		stranger = members.user("stranger");
		members.join(owner, workspace, Role.OWNER);
		members.join(editor, workspace, Role.EDITOR);
		account = connections.connect(workspace, new NewConnection(new NetworkId("mastodon"), "https://social.example", "109",
				"@alice@social.example", "Alice", new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500),
				new Credentials(Map.of("accessToken", SECRET))));
	}

	private static MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		return request.with(user(user.id().toString())).with(csrf());
	}

	private String api() {
		return "/api/v1/workspaces/" + workspace + "/connections";
	}

	@Test
	void lists_the_accounts_without_any_credential() throws Exception {
		String body = mvc.perform(as(editor, get(api())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].handle").value("@alice@social.example"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$[0].limits.maxCharacters").value(500))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain(SECRET).doesNotContain("accessToken").doesNotContain("credentials");
	}

	@Test
	void shows_one_account_without_its_credentials() throws Exception {
		String body = mvc.perform(as(owner, get(api() + "/" + account.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.serverUrl").value("https://social.example"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain(SECRET);
	}

	@Test
	void changes_and_clears_the_time_zone() throws Exception {
		mvc.perform(as(owner, patch(api() + "/" + account.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"America/Toronto\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("America/Toronto"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(SECRET))));
		mvc.perform(as(owner, patch(api() + "/" + account.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":null}"))
			.andExpect(jsonPath("$.timeZone").doesNotExist());
	}

	@Test
	void refuses_a_time_zone_that_does_not_exist_naming_the_field() throws Exception {
		mvc.perform(as(owner, patch(api() + "/" + account.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"Mars/Olympus\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"))
			.andExpect(jsonPath("$.errors[0].rule").value("iana-zone"));
	}

	@Test
	void disconnects_an_account() throws Exception {
		mvc.perform(as(owner, delete(api() + "/" + account.id()))).andExpect(status().isNoContent());
		mvc.perform(as(owner, get(api()))).andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void an_editor_may_look_but_not_change_connections() throws Exception {
		mvc.perform(as(editor, delete(api() + "/" + account.id()))).andExpect(status().isForbidden());
		mvc.perform(as(editor, patch(api() + "/" + account.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"UTC\"}")).andExpect(status().isForbidden());
		mvc.perform(as(editor, post(api() + "/mastodon")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"social.example\",\"accessToken\":\"x\"}")).andExpect(status().isForbidden());
		assertThat(connections.list(workspace)).hasSize(1);
	}

	@Test
	void a_stranger_learns_nothing_of_the_workspace() throws Exception {
		mvc.perform(as(stranger, get(api()))).andExpect(status().isNotFound());
		mvc.perform(as(stranger, get(api() + "/" + account.id()))).andExpect(status().isNotFound());
		mvc.perform(as(stranger, delete(api() + "/" + account.id()))).andExpect(status().isNotFound());
		mvc.perform(as(stranger, patch(api() + "/" + account.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"UTC\"}")).andExpect(status().isNotFound());
		mvc.perform(as(stranger, post(api() + "/mastodon/authorize")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"social.example\"}")).andExpect(status().isNotFound());
		mvc.perform(as(stranger, get("/w/" + workspace + "/connections"))).andExpect(status().isNotFound());
		assertThat(connections.get(workspace, account.id()).timeZoneOverride()).isNull();
	}

	@Test
	void an_account_of_another_workspace_is_not_found() throws Exception {
		UUID other = Ids.next();
		jdbc.sql("insert into workspace (id, name, time_zone, created_at) values (?, 'Other', 'UTC', ?)")
			.params(other, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		members.join(owner, other, Role.OWNER);
		mvc.perform(as(owner, get("/api/v1/workspaces/" + other + "/connections/" + account.id())))
			.andExpect(status().isNotFound());
		mvc.perform(as(owner, delete("/api/v1/workspaces/" + other + "/connections/" + account.id())))
			.andExpect(status().isNotFound());
	}

	@Test
	void the_page_flags_an_account_that_needs_a_reconnect_with_its_reason() throws Exception {
		connections.markNeedsReconnect(account.id(), "The access token was revoked");

		String html = mvc.perform(as(owner, get("/w/" + workspace + "/connections")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("@alice@social.example", "Needs reconnect", "The access token was revoked", "Reconnect",
				"value=\"https://social.example\"");
		assertThat(html).doesNotContain(SECRET);
	}

	@Test
	void the_page_speaks_french() throws Exception {
		connections.markNeedsReconnect(account.id(), "revoked");

		String html = mvc.perform(as(owner, get("/w/" + workspace + "/connections")).header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Comptes connectés", "À reconnecter", "Connecter un compte Mastodon");
	}

	@Test
	void the_page_hides_the_forms_from_a_member_who_may_not_manage_connections() throws Exception {
		String html = mvc.perform(as(editor, get("/w/" + workspace + "/connections")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("@alice@social.example").doesNotContain("Disconnect").doesNotContain("Connect a Mastodon account");
	}

	@Test
	void the_page_sets_the_time_zone_and_disconnects() throws Exception {
		String page = "/w/" + workspace + "/connections";
		mvc.perform(as(owner, post(page + "/" + account.id() + "/time-zone")).param("timeZone", "Europe/London"))
			.andExpect(redirectedUrl(page));
		assertThat(connections.get(workspace, account.id()).timeZoneOverride()).hasToString("Europe/London");

		mvc.perform(as(owner, post(page + "/" + account.id() + "/disconnect"))).andExpect(redirectedUrl(page));
		assertThat(connections.list(workspace)).isEmpty();
	}

	@Test
	void the_rest_api_is_documented() throws Exception {
		String docs = mvc.perform(as(owner, get("/api/v1/openapi.json"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/workspaces/{workspaceId}/connections/{connectionId}",
				"/api/v1/workspaces/{workspaceId}/connections/mastodon/authorize", "MastodonTokenConnect")
			.doesNotContain("credentials\"");
	}
}
