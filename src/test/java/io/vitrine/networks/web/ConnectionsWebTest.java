package io.vitrine.networks.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.vitrine.testsupport.LayoutAssertions.assertInLayout;
import static io.vitrine.testsupport.LayoutAssertions.assertWorkspaceNav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The connections REST API (called with personal API tokens) and page (in a signed-in browser
 * session, forms with their CSRF token), through the real security chain and workspace roles.
 */
@WebContract
class ConnectionsWebTest implements OnH2 {

	private static final String SECRET = "secret-token-that-never-leaves";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	@Autowired
	Clock clock;

	People people;

	WorkspaceSummary workspace;

	People.Person owner;

	People.Person editor;

	People.Person stranger;

	ConnectionView account;

	@BeforeEach
	void setUp() {
		people = new People(context, mvc);
		owner = people.person("Olga Owner");
		editor = people.person("Ed Editor");
		stranger = people.person("Stan Stranger");
		workspace = people.workspace(owner, "Brand");
		people.join(workspace, editor, Role.EDITOR);
		account = connections.connect(workspace.id(), new NewConnection(new NetworkId("mastodon"), "https://social.example",
				"109", "@alice@social.example", "Alice", new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500),
				new Credentials(Map.of("accessToken", SECRET))));
	}

	/** A REST call with the person's own API token. */
	private ResultActions call(People.Person person, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + people.token(person)));
	}

	/** A page request or form post in the person's signed-in browser session. */
	private ResultActions browse(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.session(session).with(csrf()));
	}

	private String api() {
		return "/api/v1/workspaces/" + workspace.id() + "/connections";
	}

	private String page() {
		return "/w/" + workspace.id() + "/connections";
	}

	@Test
	void lists_the_accounts_without_any_credential() throws Exception {
		String body = call(editor, get(api())).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].handle").value("@alice@social.example"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$[0].limits.maxCharacters").value(500))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain(SECRET).doesNotContain("accessToken").doesNotContain("credentials");
	}

	@Test
	void shows_one_account_without_its_credentials() throws Exception {
		String body = call(owner, get(api() + "/" + account.id())).andExpect(status().isOk())
			.andExpect(jsonPath("$.serverUrl").value("https://social.example"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain(SECRET);
	}

	@Test
	void changes_and_clears_the_time_zone() throws Exception {
		call(owner, patch(api() + "/" + account.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"America/Toronto\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("America/Toronto"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(SECRET))));
		call(owner, patch(api() + "/" + account.id()).contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\":null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").doesNotExist());
		assertThat(connections.get(workspace.id(), account.id()).timeZoneOverride()).isNull();
	}

	@Test
	void refuses_a_time_zone_that_does_not_exist_naming_the_field() throws Exception {
		call(owner, patch(api() + "/" + account.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"Mars/Olympus\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"))
			.andExpect(jsonPath("$.errors[0].rule").value("iana-zone"));
	}

	@Test
	void disconnects_an_account() throws Exception {
		call(owner, delete(api() + "/" + account.id())).andExpect(status().isNoContent());
		call(owner, get(api())).andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void an_editor_may_look_but_not_change_connections() throws Exception {
		call(editor, get(api() + "/" + account.id())).andExpect(status().isOk());
		call(editor, delete(api() + "/" + account.id())).andExpect(status().isForbidden());
		call(editor, patch(api() + "/" + account.id()).contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\":\"UTC\"}"))
			.andExpect(status().isForbidden());
		call(editor, post(api() + "/mastodon").contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"social.example\",\"accessToken\":\"x\"}")).andExpect(status().isForbidden());
		call(editor, post(api() + "/mastodon/authorize").contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"social.example\"}")).andExpect(status().isForbidden());
		assertThat(connections.list(workspace.id())).hasSize(1);
		assertThat(connections.get(workspace.id(), account.id()).timeZoneOverride()).isNull();
	}

	@Test
	void an_editor_cannot_change_connections_through_the_page_forms_either() throws Exception {
		MockHttpSession session = people.signIn(editor);
		browse(session, post(page() + "/" + account.id() + "/time-zone").param("timeZone", "UTC"))
			.andExpect(status().isForbidden());
		browse(session, post(page() + "/" + account.id() + "/disconnect")).andExpect(status().isForbidden());
		browse(session, post(page() + "/mastodon/token").param("instanceUrl", "social.example").param("accessToken", "x"))
			.andExpect(status().isForbidden());
		assertThat(connections.list(workspace.id())).hasSize(1);
		assertThat(connections.get(workspace.id(), account.id()).timeZoneOverride()).isNull();
	}

	@Test
	void a_stranger_learns_nothing_of_the_workspace() throws Exception {
		call(stranger, get(api())).andExpect(status().isNotFound());
		call(stranger, get(api() + "/" + account.id())).andExpect(status().isNotFound());
		call(stranger, delete(api() + "/" + account.id())).andExpect(status().isNotFound());
		call(stranger, patch(api() + "/" + account.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"UTC\"}")).andExpect(status().isNotFound());
		call(stranger, post(api() + "/mastodon/authorize").contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"social.example\"}")).andExpect(status().isNotFound());
		MockHttpSession session = people.signIn(stranger);
		String html = browse(session, get(page())).andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		browse(session, post(page() + "/" + account.id() + "/disconnect")).andExpect(status().isNotFound());
		assertThat(html).doesNotContain("@alice@social.example").doesNotContain(workspace.name());
		assertThat(connections.get(workspace.id(), account.id()).timeZoneOverride()).isNull();
		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void an_account_of_another_workspace_is_not_found() throws Exception {
		WorkspaceSummary other = people.workspace(owner, "Other");
		call(owner, get("/api/v1/workspaces/" + other.id() + "/connections/" + account.id())).andExpect(status().isNotFound());
		call(owner, delete("/api/v1/workspaces/" + other.id() + "/connections/" + account.id()))
			.andExpect(status().isNotFound());
		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void signed_out_callers_are_sent_to_sign_in_and_bad_tokens_are_refused() throws Exception {
		mvc.perform(get(page())).andExpect(redirectedUrl("/login"));
		mvc.perform(get(api())).andExpect(status().isUnauthorized());
		mvc.perform(get(api()).header(HttpHeaders.AUTHORIZATION, "Bearer vt_not-a-real-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void a_form_post_without_its_csrf_token_changes_nothing() throws Exception {
		MockHttpSession session = people.signIn(owner);
		mvc.perform(post(page() + "/" + account.id() + "/disconnect").session(session)).andExpect(status().isForbidden());
		assertThat(connections.list(workspace.id())).hasSize(1);
	}

	@Test
	void the_page_shows_the_accounts_inside_the_shared_layout() throws Exception {
		String html = browse(people.signIn(owner), get(page())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertInLayout(html, owner);
		assertWorkspaceNav(html, workspace.id(), "connections");
		assertThat(html).contains("<title>Connections</title>", "@alice@social.example", workspace.name());
		assertThat(html).doesNotContain(SECRET);
	}

	@Test
	void the_page_flags_an_account_that_needs_a_reconnect_with_its_reason() throws Exception {
		connections.markNeedsReconnect(account.id(), "The access token was revoked");

		String html = browse(people.signIn(owner), get(page())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("@alice@social.example", "Needs reconnect", "The access token was revoked", "Reconnect",
				"value=\"https://social.example\"");
		assertThat(html).doesNotContain(SECRET);
	}

	@Test
	void the_page_warns_of_an_access_ending_within_two_weeks_in_english_and_french_but_not_of_a_distant_one() throws Exception {
		Instant soon = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(10));
		ConnectionView ending = connections.connect(workspace.id(), new NewConnection(new NetworkId("mastodon"),
				"https://social.example", "110", "@ending@social.example", "Ending", new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500),
				new Credentials(Map.of("accessToken", SECRET, Credentials.EXPIRES_AT, soon.toString()))));
		connections.connect(workspace.id(), new NewConnection(new NetworkId("mastodon"), "https://social.example", "111",
				"@later@social.example", "Later", new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500),
				new Credentials(Map.of("accessToken", SECRET,
						Credentials.EXPIRES_AT, clock.instant().plus(Duration.ofDays(50)).toString()))));
		String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(soon.atZone(ending.zoneOr(workspace.timeZone())));

		String english = browse(people.signIn(owner), get(page())).andReturn().getResponse().getContentAsString();
		String french = browse(people.signIn(owner), get(page()).header("Accept-Language", "fr")).andReturn().getResponse()
			.getContentAsString();

		assertThat(english).containsOnlyOnce("Access ends on " + when + " unless you reconnect this account");
		assertThat(french).containsOnlyOnce("L&#39;accès prend fin le " + when + " si vous ne reconnectez pas ce compte");
		call(owner, get(api() + "/" + ending.id())).andExpect(jsonPath("$.accessEndsAt").value(soon.toString()));
	}

	@Test
	void the_page_speaks_french() throws Exception {
		connections.markNeedsReconnect(account.id(), "revoked");

		String html = browse(people.signIn(owner), get(page()).header("Accept-Language", "fr")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("lang=\"fr\"", "Comptes connectés", "À reconnecter", "Connecter un compte Mastodon");
		browse(people.signIn(owner), post(page() + "/" + account.id() + "/time-zone").header("Accept-Language", "fr")
			.param("timeZone", "Europe/Paris"))
			.andExpect(flash().attribute("notice", "Le fuseau horaire de @alice@social.example est enregistré."));
	}

	@Test
	void the_page_hides_the_forms_from_a_member_who_may_not_manage_connections() throws Exception {
		String html = browse(people.signIn(editor), get(page())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertInLayout(html, editor);
		assertThat(html).contains("@alice@social.example").doesNotContain("Disconnect").doesNotContain("Connect a Mastodon account");
	}

	@Test
	void the_page_sets_the_time_zone_and_disconnects_saying_so_in_the_layouts_notice() throws Exception {
		MockHttpSession session = people.signIn(owner);
		MvcResult saved = browse(session, post(page() + "/" + account.id() + "/time-zone").param("timeZone", "Europe/London"))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "The time zone of @alice@social.example is saved."))
			.andReturn();
		assertThat(connections.get(workspace.id(), account.id()).timeZoneOverride()).hasToString("Europe/London");
		String html = browse(session, get(page()).flashAttrs(saved.getFlashMap())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("<p class=\"notice\">The time zone of @alice@social.example is saved.</p>");

		browse(session, post(page() + "/" + account.id() + "/disconnect")).andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("notice", "@alice@social.example is disconnected; its credentials were erased."));
		assertThat(connections.list(workspace.id())).isEmpty();
	}

	@Test
	void the_page_explains_a_refused_time_zone() throws Exception {
		MockHttpSession session = people.signIn(owner);
		MvcResult refused = browse(session, post(page() + "/" + account.id() + "/time-zone").param("timeZone", "Mars/Olympus"))
			.andExpect(redirectedUrl(page()))
			.andExpect(flash().attribute("errorRule", "iana-zone"))
			.andReturn();

		String html = browse(session, get(page()).flashAttrs(refused.getFlashMap())).andReturn().getResponse()
			.getContentAsString();

		assertThat(html).contains("role=\"alert\"", "This is not a time zone");
		assertThat(connections.get(workspace.id(), account.id()).timeZoneOverride()).isNull();
	}

	@Test
	void the_rest_api_is_documented() throws Exception {
		String docs = call(owner, get("/api/v1/openapi.json")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/workspaces/{workspaceId}/connections/{connectionId}",
				"/api/v1/workspaces/{workspaceId}/connections/mastodon/authorize", "MastodonTokenConnect")
			.doesNotContain("credentials\"");
	}
}
