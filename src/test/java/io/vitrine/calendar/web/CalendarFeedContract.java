package io.vitrine.calendar.web;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.PostDraft;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The private iCalendar feed: made, read without a session by a calendar parser, regenerated and revoked. */
@WebContract
abstract class CalendarFeedContract {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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

	@BeforeEach
	void setUp() {
		clock.set(Instant.parse("2026-11-22T08:00:00Z"));
		people = new People(context, mvc);
		owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Bakery");
		token = people.token(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
	}

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + bearer)).andReturn().getResponse();
	}

	private UUID schedule(Member member, String text, String link, PostDraft.When when) {
		return compose.create(member, new PostDraft(List.of(new PostDraft.TargetDraft(mastodon.id(), text, link, List.of())), when))
			.targets().getFirst().id();
	}

	private Member member() {
		return new Member(owner.id(), workspace.id(), workspace.name(), Role.OWNER, PARIS);
	}

	private String issue() throws Exception {
		MockHttpServletResponse made = call(post(api("/calendar/feed")), token);
		assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(201);
		return json.readTree(made.getContentAsString()).path("url").asString();
	}

	/** The feed as a calendar application reads it: no session, no token header, only the address. */
	private MockHttpServletResponse fetch(String url) throws Exception {
		return mvc.perform(get(URI.create(url).getPath())).andReturn().getResponse();
	}

	@Test
	void the_feed_is_read_without_a_session_and_parsed_event_by_event() throws Exception {
		UUID croissants = schedule(member(), "Croissants, fresh; at seven\nevery day", "https://bakery.example/c",
				new PostDraft.At(LocalDateTime.parse("2026-12-10T09:00").atZone(PARIS).toInstant(), PARIS));
		schedule(member(), "Only a draft", null, new PostDraft.AsDraft());
		String url = issue();
		assertThat(url).matches("http://localhost:\\d+/feeds/calendar/vcal_[A-Za-z0-9_-]{43}\\.ics");

		MockHttpServletResponse feed = fetch(url);
		assertThat(feed.getStatus()).isEqualTo(200);
		assertThat(feed.getContentType()).startsWith("text/calendar");
		ICalendar calendar = Biweekly.parse(feed.getContentAsString(StandardCharsets.UTF_8)).first();
		assertThat(calendar.getEvents()).as("drafts have no time and are not in the feed").hasSize(1);
		VEvent event = calendar.getEvents().getFirst();
		assertThat(event.getUid().getValue()).isEqualTo(croissants + "@vitrine");
		assertThat(event.getDateStart().getValue()).isEqualTo(Date.from(Instant.parse("2026-12-10T08:00:00Z")));
		assertThat(event.getSummary().getValue()).isEqualTo("Mastodon · Croissants, fresh; at seven every day");
		assertThat(event.getDescription().getValue()).startsWith("Croissants, fresh; at seven\nevery day\n\nhttps://bakery.example/c");
		assertThat(event.getUrl().getValue()).endsWith("/w/" + workspace.id() + "/calendar/targets/" + croissants);
		assertThat(event.getStatus().getValue()).isEqualTo("TENTATIVE");

		jdbc.sql("update post_target set state = 'published' where id = ?").param(croissants).update();
		ICalendar after = Biweekly.parse(fetch(url).getContentAsString(StandardCharsets.UTF_8)).first();
		assertThat(after.getEvents().getFirst().getStatus().getValue()).isEqualTo("CONFIRMED");
		assertThat(after.getEvents().getFirst().getUid().getValue()).as("the same event, updated").isEqualTo(croissants + "@vitrine");
	}

	@Test
	void only_the_tokens_hash_is_kept_and_a_new_token_revokes_the_old_one() throws Exception {
		String first = issue();
		String secret = first.replaceAll(".*/feeds/calendar/(vcal_[^.]+)\\.ics", "$1");
		String stored = jdbc.sql("select token_hash from calendar_feed where workspace_id = ?").param(workspace.id())
			.query(String.class).single();
		assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
			.digest(secret.getBytes(StandardCharsets.UTF_8)))).doesNotContain(secret);
		JsonNode info = json.readTree(call(get(api("/calendar/feed")), token).getContentAsString());
		assertThat(info.path("exists").asBoolean()).isTrue();
		assertThat(info.toString()).doesNotContain(secret);

		String second = issue();
		assertThat(second).isNotEqualTo(first);
		assertThat(fetch(first).getStatus()).isEqualTo(404);
		assertThat(fetch(second).getStatus()).isEqualTo(200);

		assertThat(call(delete(api("/calendar/feed")), token).getStatus()).isEqualTo(204);
		assertThat(fetch(second).getStatus()).isEqualTo(404);
		assertThat(call(delete(api("/calendar/feed")), token).getStatus()).isEqualTo(404);
		assertThat(fetch("/feeds/calendar/vcal_guessed.ics").getStatus()).isEqualTo(404);
	}

	@Test
	void a_feed_shows_its_own_workspace_only() throws Exception {
		People.Person other = people.person("Oscar Other");
		WorkspaceSummary theirs = people.workspace(other, "Other brand");
		ConnectionView their = TestAccounts.mastodon(connections, theirs.id(), "@oscar@other.example");
		compose.create(new Member(other.id(), theirs.id(), theirs.name(), Role.OWNER, PARIS), new PostDraft(
				List.of(new PostDraft.TargetDraft(their.id(), "Their secret launch", null, List.of())),
				new PostDraft.At(Instant.parse("2026-12-01T10:00:00Z"), PARIS)));
		schedule(member(), "Ours", null, new PostDraft.At(Instant.parse("2026-12-01T10:00:00Z"), PARIS));
		String feed = fetch(issue()).getContentAsString(StandardCharsets.UTF_8);
		assertThat(feed).contains("Ours").doesNotContain("Their secret launch");
	}

	@Test
	void only_owners_and_admins_make_or_revoke_the_feed() throws Exception {
		People.Person editor = people.person("Eddie Editor");
		people.join(workspace, editor, Role.EDITOR);
		String theirs = people.token(editor);
		assertThat(call(post(api("/calendar/feed")), theirs).getStatus()).isEqualTo(403);
		issue();
		assertThat(call(delete(api("/calendar/feed")), theirs).getStatus()).isEqualTo(403);
		assertThat(call(get(api("/calendar/feed")), theirs).getStatus()).isEqualTo(200);
	}

	@Test
	void the_settings_page_shows_the_new_address_once_then_only_that_one_exists() throws Exception {
		var session = people.signIn(owner);
		MockHttpServletResponse made = mvc.perform(post("/w/" + workspace.id() + "/calendar/settings/feed").session(session).with(csrf()))
			.andReturn().getResponse();
		assertThat(made.getRedirectedUrl()).isEqualTo("/w/" + workspace.id() + "/calendar/settings");
		String page = mvc.perform(get("/w/" + workspace.id() + "/calendar/settings").session(session)).andReturn().getResponse()
			.getContentAsString();
		java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"feed-url\" readonly value=\"([^\"]+)\"").matcher(page);
		assertThat(shown.find()).as(page).isTrue();
		assertThat(fetch(shown.group(1)).getStatus()).as("the address shown opens the feed").isEqualTo(200);
		String later = mvc.perform(get("/w/" + workspace.id() + "/calendar/settings").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(later).contains("id=\"feed-exists\"", "id=\"feed-revoke\"").doesNotContain("id=\"feed-url\"");
	}
}
