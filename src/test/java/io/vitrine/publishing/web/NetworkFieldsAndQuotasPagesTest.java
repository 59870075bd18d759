package io.vitrine.publishing.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.internal.Targets;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A network's own fields in the composer and the API, and its quotas on the connections page and in the composer. */
@WebContract
@Import(FieldedConnector.Config.class)
class NetworkFieldsAndQuotasPagesTest implements OnH2 {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	@Autowired
	Targets targets;

	@Autowired
	SettableClock clock;

	private People.Person owner;

	private WorkspaceSummary workspace;

	private ConnectionView account;

	private MockHttpSession browser;

	private String tomorrowAtTen;

	@BeforeEach
	void setUp() throws Exception {
		People people = new People(context, mvc);
		owner = people.person("Yuri Youtuber");
		workspace = people.workspace(owner, "Channel");
		account = connections.connect(workspace.id(), new NewConnection(FieldedConnector.ID, "https://fielded.test",
				"yuri-" + workspace.id(), "@yuri", "Yuri", new NetworkLimits(500, 0, 0, 0, 0, 0),
				new Credentials(Map.of("token", "t"))));
		browser = people.signIn(owner);
		tomorrowAtTen = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(1)
			.truncatedTo(ChronoUnit.DAYS).withHour(10).toString();
	}

	@Test
	void the_composer_asks_for_the_networks_own_fields_labelled_in_the_persons_language() throws Exception {
		String english = mvc.perform(get("/w/" + workspace.id() + "/compose").session(browser).header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("data-fields-for=\"" + account.id() + "\"")
			.contains("name=\"fields[" + account.id() + ".title]\"")
			.contains("maxlength=\"20\"")
			.contains("Link (optional)")
			.contains("<option value=\"PUBLIC\">PUBLIC</option>");

		String french = mvc.perform(get("/w/" + workspace.id() + "/compose").session(browser).header("Accept-Language", "fr"))
			.andReturn().getResponse().getContentAsString();
		assertThat(french).contains("Lien (facultatif)").contains("obligatoire");
	}

	@Test
	void a_missing_required_field_is_shown_next_to_the_field_and_a_filled_one_is_saved_with_the_target() throws Exception {
		String page = mvc.perform(multipart("/w/" + workspace.id() + "/compose").session(browser).with(csrf())
				.param("accounts", account.id().toString())
				.param("text", "New video")
				.param("publish", "schedule").param("scheduledAt", tomorrowAtTen).param("timeZone", "Europe/Paris"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"field-" + account.id() + "-title-error\"")
			.contains("data-field=\"targets[0].fields.title\"")
			.contains("Fielded needs a title.");

		String location = mvc.perform(multipart("/w/" + workspace.id() + "/compose").session(browser).with(csrf())
				.param("accounts", account.id().toString())
				.param("text", "New video")
				.param("fields[" + account.id() + ".title]", "Spring collection")
				.param("fields[" + account.id() + ".privacy]", "PRIVATE")
				.param("publish", "schedule").param("scheduledAt", tomorrowAtTen).param("timeZone", "Europe/Paris"))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).isEqualTo("/w/" + workspace.id() + "/posts");
		TargetView saved = targets.posts(workspace.id(), null, 1).get(0).targets().get(0);
		assertThat(saved.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("title", "Spring collection", "privacy", "PRIVATE"));
	}

	@Test
	void the_api_takes_fields_per_target_and_names_a_field_the_network_does_not_have() throws Exception {
		String bearer = "Bearer " + new People(context, mvc).token(owner);
		mvc.perform(post("/api/v1/workspaces/" + workspace.id() + "/posts").header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"targets": [{"connectionId": "%s", "text": "New video", "fields": {"titel": "Typo", "privacy": "SECRET"}}],
						 "publish": "draft"}""".formatted(account.id())))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'targets[0].fields.titel')].rule").value("known"));

		mvc.perform(post("/api/v1/workspaces/" + workspace.id() + "/posts").header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"targets": [{"connectionId": "%s", "text": "New video", "fields": {"title": "Spring", "privacy": "SECRET"}}],
						 "publish": "draft"}""".formatted(account.id())))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'targets[0].fields.privacy')].rule").value("one-of"));

		mvc.perform(post("/api/v1/workspaces/" + workspace.id() + "/posts").header("Authorization", bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"targets": [{"connectionId": "%s", "text": "New video", "fields": {"title": "Spring", "privacy": "PUBLIC"}}],
						 "publish": "draft"}""".formatted(account.id())))
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.targets[0].fields.title").value("Spring"));

		mvc.perform(get("/api/v1/networks").header("Authorization", bearer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'fielded')].fields[0].name").value("title"))
			.andExpect(jsonPath("$[?(@.id == 'fielded')].quotas[0].window").value("PT1H"));
	}

	@Test
	void the_connections_page_and_its_api_show_each_accounts_quota_use() throws Exception {
		String page = mvc.perform(get("/w/" + workspace.id() + "/connections").session(browser).header("Accept-Language", "en"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("0 / 2 posts per hour on this account");
		String french = mvc.perform(get("/w/" + workspace.id() + "/connections").session(browser).header("Accept-Language", "fr"))
			.andReturn().getResponse().getContentAsString();
		assertThat(french).contains("0 / 2 publications par heure sur ce compte");

		String bearer = "Bearer " + new People(context, mvc).token(owner);
		mvc.perform(get("/api/v1/workspaces/" + workspace.id() + "/connections/" + account.id()).header("Authorization", bearer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quotas[0].max").value(2))
			.andExpect(jsonPath("$.quotas[0].used").value(0))
			.andExpect(jsonPath("$.quotas[0].scope").value("ACCOUNT"));
	}

	@Test
	void the_composer_warns_when_the_chosen_times_window_is_already_full() throws Exception {
		for (int i = 0; i < 2; i++) {
			mvc.perform(multipart("/w/" + workspace.id() + "/compose").session(browser).with(csrf())
					.param("accounts", account.id().toString()).param("text", "Video " + i)
					.param("fields[" + account.id() + ".title]", "Video " + i)
					.param("publish", "schedule").param("scheduledAt", tomorrowAtTen).param("timeZone", "Europe/Paris"));
		}
		String atTen = mvc.perform(post("/w/" + workspace.id() + "/compose/check").session(browser).with(csrf())
				.param("accounts", account.id().toString()).param("text", "A third")
				.param("publish", "schedule").param("scheduledAt", tomorrowAtTen).param("timeZone", "Europe/Paris"))
			.andReturn().getResponse().getContentAsString();
		assertThat(atTen).contains("class=\"quota-warning\"")
			.contains("Fielded allows 2 posts per hour on this account; 2 are already planned or published in the hour before this time");

		String atNoon = mvc.perform(post("/w/" + workspace.id() + "/compose/check").session(browser).with(csrf())
				.param("accounts", account.id().toString()).param("text", "A third")
				.param("publish", "schedule").param("scheduledAt", tomorrowAtTen.replace("T10:", "T12:")).param("timeZone", "Europe/Paris"))
			.andReturn().getResponse().getContentAsString();
		assertThat(atNoon).doesNotContain("quota-warning");
	}
}
