package io.vitrine.calendar.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.vitrine.testsupport.LayoutAssertions.assertInLayout;
import static io.vitrine.testsupport.LayoutAssertions.assertWorkspaceNav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The calendar's REST API and pages, through the real security chain, with the clock on 22 November 2026. */
@WebContract
abstract class CalendarContract {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	@Autowired
	ComposePost compose;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	private final ObjectMapper json = new ObjectMapper();

	private People people;

	private People.Person owner;

	private WorkspaceSummary workspace;

	private String token;

	private ConnectionView mastodon;

	private ConnectionView bluesky;

	private UUID croissants;

	private UUID newYear;

	@BeforeEach
	void setUp() {
		clock.set(Instant.parse("2026-11-22T08:00:00Z"));
		people = new People(context, mvc);
		owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Bakery");
		token = people.token(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
		bluesky = TestAccounts.bluesky(connections, workspace.id(), "olga.bsky.social");
		bluesky = connections.setTimeZone(workspace.id(), bluesky.id(), TORONTO);
		croissants = schedule(mastodon, "Croissants   at\nseven", LocalDateTime.parse("2026-12-10T09:00"), PARIS);
		// 22:00 in Toronto on 31 December is already 1 January in UTC and in Paris.
		newYear = schedule(bluesky, "Happy new year from Toronto", LocalDateTime.parse("2026-12-31T22:00"), TORONTO);
	}

	private UUID schedule(ConnectionView account, String text, LocalDateTime at, ZoneId zone) {
		Member member = new Member(owner.id(), workspace.id(), workspace.name(), Role.OWNER, PARIS);
		PostView post = compose.create(member, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(), text, null, List.of())),
				new PostDraft.At(at.atZone(zone).toInstant(), zone)));
		return post.targets().getFirst().id();
	}

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	private JsonNode read(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString());
	}

	private JsonNode events(String query) throws Exception {
		MockHttpServletResponse response = call(get(api("/calendar/events?" + query)));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return read(response);
	}

	private JsonNode event(JsonNode events, UUID targetId) {
		for (JsonNode e : events) {
			if (e.path("targetId").asString().equals(targetId.toString())) {
				return e;
			}
		}
		return null;
	}

	@Test
	void the_month_shows_each_target_at_its_wall_clock_time_in_its_accounts_zone() throws Exception {
		JsonNode december = events("from=2026-12-01&to=2027-01-01");
		assertThat(december).hasSize(2);
		JsonNode first = event(december, croissants);
		assertThat(first.path("start").asString()).isEqualTo("2026-12-10T09:00:00");
		assertThat(first.path("zone").asString()).isEqualTo("Europe/Paris");
		assertThat(first.path("network").asString()).isEqualTo("mastodon");
		assertThat(first.path("networkName").asString()).isEqualTo("Mastodon");
		assertThat(first.path("account").asString()).isEqualTo("@olga@bakery.example");
		assertThat(first.path("state").asString()).isEqualTo("scheduled");
		assertThat(first.path("preview").asString()).isEqualTo("Croissants at seven");
		assertThat(first.path("movable").asBoolean()).isTrue();
		assertThat(first.path("url").asString()).isEqualTo("/w/" + workspace.id() + "/calendar/targets/" + croissants);
		JsonNode toronto = event(december, newYear);
		assertThat(toronto.path("start").asString()).isEqualTo("2026-12-31T22:00:00");
		assertThat(toronto.path("zone").asString()).isEqualTo("America/Toronto");
		assertThat(toronto.path("dueAt").asString()).isEqualTo("2027-01-01T03:00:00Z");
		assertThat(events("from=2027-01-01&to=2027-02-01")).as("not on 1 January: it is the 31st in Toronto").isEmpty();
	}

	@Test
	void filters_keep_one_network_one_account_or_one_state() throws Exception {
		assertThat(events("from=2026-12-01&to=2027-01-01&network=bluesky")).hasSize(1)
			.allMatch(e -> e.path("targetId").asString().equals(newYear.toString()));
		assertThat(events("from=2026-12-01&to=2027-01-01&account=" + mastodon.id())).hasSize(1)
			.allMatch(e -> e.path("targetId").asString().equals(croissants.toString()));
		markPublished(croissants);
		assertThat(events("from=2026-12-01&to=2027-01-01&state=published")).hasSize(1)
			.allMatch(e -> e.path("targetId").asString().equals(croissants.toString()) && !e.path("movable").asBoolean());
		MockHttpServletResponse bad = call(get(api("/calendar/events?from=2026-12-01&to=2027-01-01&state=lost")));
		assertThat(bad.getStatus()).isIn(400, 422);
		assertThat(bad.getContentAsString()).contains("\"field\":\"state\"");
		MockHttpServletResponse tooLong = call(get(api("/calendar/events?from=2026-01-01&to=2027-01-01")));
		assertThat(tooLong.getContentAsString()).contains("\"field\":\"to\"", "\"rule\":\"range\"");
		MockHttpServletResponse missing = call(get(api("/calendar/events")));
		assertThat(missing.getContentAsString()).contains("\"field\":\"from\"", "\"rule\":\"required\"");
	}

	private void markPublished(UUID targetId) {
		jdbc.sql("update post_target set state = 'published', published_at = due_at where id = ?").param(targetId).update();
	}

	private MockHttpServletResponse reschedule(UUID targetId, String at, String zone) throws Exception {
		return call(post(api("/targets/" + targetId + "/reschedule")).contentType("application/json")
			.content("{\"scheduledAt\":\"" + at + "\",\"timeZone\":\"" + zone + "\"}"));
	}

	@Test
	void a_scheduled_post_moves_to_another_day_and_its_history_says_so() throws Exception {
		MockHttpServletResponse moved = reschedule(croissants, "2026-12-17T10:30", "Europe/Paris");
		assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(200);
		assertThat(read(moved).path("target").path("dueAt").asString()).isEqualTo("2026-12-17T09:30:00Z");
		assertThat(read(moved).path("history").toString()).contains("rescheduled from 2026-12-10T08:00:00Z to 2026-12-17T09:30:00Z");
		assertThat(event(events("from=2026-12-01&to=2027-01-01"), croissants).path("start").asString())
			.isEqualTo("2026-12-17T10:30:00");
	}

	@Test
	void a_published_post_cannot_move_and_keeps_its_time() throws Exception {
		markPublished(croissants);
		MockHttpServletResponse refused = reschedule(croissants, "2026-12-17T10:30", "Europe/Paris");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("\"field\":\"targetId\"", "\"rule\":\"movable\"", "published");
		assertThat(event(events("from=2026-12-01&to=2027-01-01"), croissants).path("start").asString())
			.isEqualTo("2026-12-10T09:00:00");
	}

	@Test
	void a_move_into_the_past_or_into_a_daylight_saving_gap_is_refused_naming_the_rule() throws Exception {
		MockHttpServletResponse past = reschedule(croissants, "2026-11-21T09:00", "Europe/Paris");
		assertThat(past.getStatus()).isEqualTo(422);
		assertThat(past.getContentAsString()).contains("\"field\":\"scheduledAt\"", "\"rule\":\"future\"");
		MockHttpServletResponse gap = reschedule(croissants, "2027-03-28T02:30", "Europe/Paris");
		assertThat(gap.getContentAsString()).contains("\"rule\":\"nonexistent-local-time\"");
		assertThat(event(events("from=2026-12-01&to=2027-01-01"), croissants).path("start").asString())
			.isEqualTo("2026-12-10T09:00:00");
	}

	@Test
	void a_move_is_checked_against_the_network_again() throws Exception {
		// The account's limit shrank since the post was written (e.g. the instance lowered it).
		ConnectionView smaller = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example",
				new NetworkLimits(10, 0, 23, 4, 8_000_000, 1500));
		assertThat(smaller.id()).isEqualTo(mastodon.id());
		MockHttpServletResponse refused = reschedule(croissants, "2026-12-17T10:30", "Europe/Paris");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("\"field\":\"text\"");
	}

	@Test
	void a_contributor_sees_the_calendar_but_cannot_move_posts() throws Exception {
		People.Person carl = people.person("Carl Contributor");
		people.join(workspace, carl, Role.CONTRIBUTOR);
		String carlToken = people.token(carl);
		MockHttpServletResponse seen = mvc.perform(get(api("/calendar/events?from=2026-12-01&to=2027-01-01"))
			.header("Authorization", "Bearer " + carlToken)).andReturn().getResponse();
		assertThat(read(seen)).hasSize(2).allMatch(e -> !e.path("movable").asBoolean());
		MockHttpServletResponse refused = mvc.perform(post(api("/targets/" + croissants + "/reschedule"))
			.header("Authorization", "Bearer " + carlToken).contentType("application/json")
			.content("{\"scheduledAt\":\"2026-12-17T10:30\",\"timeZone\":\"Europe/Paris\"}")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
	}

	@Test
	void notable_dates_follow_the_workspaces_countries_and_the_readers_language() throws Exception {
		JsonNode countries = read(call(get(api("/calendar/countries"))));
		assertThat(countries.path("countries").toString()).as("guessed from Europe/Paris").isEqualTo("[\"FR\"]");
		JsonNode french = read(call(get(api("/calendar/notable-dates?from=2026-12-01&to=2027-01-01")).header("Accept-Language", "fr")));
		assertThat(french.toString()).contains("\"name\":\"Noël\"", "\"date\":\"2026-12-25\"",
				"\"composeUrl\":\"/w/" + workspace.id() + "/compose?date=2026-12-25\"");
		JsonNode chosen = read(call(put(api("/calendar/countries")).contentType("application/json").content("{\"countries\":[\"uk\",\"US\"]}")));
		assertThat(chosen.path("countries").toString()).isEqualTo("[\"US\",\"GB\"]");
		JsonNode english = read(call(get(api("/calendar/notable-dates?from=2026-12-01&to=2027-01-01")).header("Accept-Language", "en")));
		assertThat(english.toString()).contains("\"name\":\"Boxing Day (substitute day)\"", "\"date\":\"2026-12-28\"")
			.doesNotContain("\"country\":\"FR\"");
		MockHttpServletResponse bad = call(put(api("/calendar/countries")).contentType("application/json").content("{\"countries\":[\"DE\"]}"));
		assertThat(bad.getStatus()).isIn(400, 422);
		assertThat(bad.getContentAsString()).contains("\"field\":\"countries[0]\"");
		People.Person edith = people.person("Edith Editor");
		people.join(workspace, edith, Role.EDITOR);
		MockHttpServletResponse forbidden = mvc.perform(put(api("/calendar/countries")).header("Authorization", "Bearer " + people.token(edith))
			.contentType("application/json").content("{\"countries\":[]}")).andReturn().getResponse();
		assertThat(forbidden.getStatus()).isEqualTo(403);
	}

	@Test
	void the_calendar_page_starts_weeks_on_monday_in_french_and_in_the_uk_and_on_sunday_in_the_us() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String english = mvc.perform(get("/w/" + workspace.id() + "/calendar").session(browser).header("Accept-Language", "en-US,en"))
			.andReturn().getResponse().getContentAsString();
		assertInLayout(english, owner);
		assertWorkspaceNav(english, workspace.id(), "calendar");
		assertThat(english).contains("data-first-day=\"0\"", "data-locale=\"en\"",
				"data-events-url=\"/api/v1/workspaces/" + workspace.id() + "/calendar/events\"", "/webjars/fullcalendar__core/", "/index.global.min.js");
		String british = mvc.perform(get("/w/" + workspace.id() + "/calendar").session(browser).header("Accept-Language", "en-GB"))
			.andReturn().getResponse().getContentAsString();
		assertThat(british).contains("data-first-day=\"1\"", "data-locale=\"en-gb\"");
		String french = mvc.perform(get("/w/" + workspace.id() + "/calendar?lang=fr").session(browser).header("Accept-Language", "en-US"))
			.andReturn().getResponse().getContentAsString();
		assertThat(french).contains("data-first-day=\"1\"", "data-locale=\"fr\"", "Calendrier");
	}

	@Test
	void the_keyboard_form_moves_a_post_and_explains_a_refusal() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String page = "/w/" + workspace.id() + "/calendar/targets/" + croissants;
		String form = mvc.perform(get(page).session(browser)).andReturn().getResponse().getContentAsString();
		assertInLayout(form, owner);
		assertThat(form).contains("value=\"2026-12-10T09:00\"", "value=\"Europe/Paris\"", "Croissants");
		String refused = mvc.perform(post(page).session(browser).with(csrf()).param("scheduledAt", "2026-11-01T09:00")
			.param("timeZone", "Europe/Paris")).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("scheduledAt-error", "must be in the future");
		MockHttpServletResponse moved = mvc.perform(post(page).session(browser).with(csrf()).param("scheduledAt", "2026-12-11T08:15")
			.param("timeZone", "Europe/Paris")).andReturn().getResponse();
		assertThat(moved.getRedirectedUrl()).isEqualTo("/w/" + workspace.id() + "/calendar?date=2026-12-11");
		assertThat(event(events("from=2026-12-01&to=2027-01-01"), croissants).path("start").asString())
			.isEqualTo("2026-12-11T08:15:00");
	}

	@Test
	void create_a_post_on_a_notable_date_opens_the_composer_on_that_day() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String composer = mvc.perform(get("/w/" + workspace.id() + "/compose?date=2026-12-25").session(browser))
			.andReturn().getResponse().getContentAsString();
		assertThat(composer).contains("value=\"2026-12-25T09:00\"");
	}

	@Test
	void the_settings_page_chooses_the_countries() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String settings = mvc.perform(get("/w/" + workspace.id() + "/calendar/settings").session(browser))
			.andReturn().getResponse().getContentAsString();
		assertInLayout(settings, owner);
		assertThat(settings).contains("value=\"FR\" checked", "United Kingdom");
		mvc.perform(post("/w/" + workspace.id() + "/calendar/settings").session(browser).with(csrf()).param("countries", "CA"));
		assertThat(read(call(get(api("/calendar/countries")))).path("countries").toString()).isEqualTo("[\"CA\"]");
	}

	@Test
	void the_openapi_document_describes_the_calendar() throws Exception {
		String openapi = mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse().getContentAsString();
		assertThat(openapi).contains("/api/v1/workspaces/{workspaceId}/calendar/events",
				"/api/v1/workspaces/{workspaceId}/calendar/notable-dates", "/api/v1/workspaces/{workspaceId}/calendar/countries",
				"/api/v1/workspaces/{workspaceId}/targets/{targetId}/reschedule");
	}
}
