package io.vitrine.scheduling.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.publishing.internal.ComposePost;
import io.vitrine.scheduling.internal.EvergreenRequeue;
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
import org.springframework.http.MediaType;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.vitrine.testsupport.LayoutAssertions.assertInLayout;
import static io.vitrine.testsupport.LayoutAssertions.assertWorkspaceNav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The queue's REST API and pages through the real security chain. The clock stands on Sunday
 * 22 November 2026, 08:00 UTC (09:00 in Paris, the workspace's zone; 03:00 in Toronto).
 */
@WebContract
abstract class QueueContract {

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
	EvergreenRequeue evergreenRequeue;

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

	@BeforeEach
	void setUp() {
		clock.set(Instant.parse("2026-11-22T08:00:00Z"));
		people = new People(context, mvc);
		owner = people.person("Quentin Queue");
		workspace = people.workspace(owner, "Bakery queue");
		token = people.token(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@quentin@bakery.example");
		bluesky = TestAccounts.bluesky(connections, workspace.id(), "quentin.bsky.social");
		bluesky = connections.setTimeZone(workspace.id(), bluesky.id(), TORONTO);
	}

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body) throws Exception {
		return call(request.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private JsonNode ok(MockHttpServletResponse response, int status) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		return json.readTree(response.getContentAsString());
	}

	private void slots(ConnectionView account, String slots, Integer cap) throws Exception {
		ok(send(put(api("/queue/accounts/" + account.id())), "{\"slots\": " + slots + ", \"dailyCap\": " + cap + "}"), 200);
	}

	private static String everyDay(String... times) {
		List<String> slots = new ArrayList<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			for (String time : times) {
				slots.add("{\"day\": \"" + day + "\", \"time\": \"" + time + "\"}");
			}
		}
		return slots.toString();
	}

	private JsonNode queue(String text, ConnectionView... accounts) throws Exception {
		List<String> targets = new ArrayList<>();
		for (ConnectionView a : accounts) {
			targets.add("{\"connectionId\": \"" + a.id() + "\", \"text\": \"" + text + "\"}");
		}
		return ok(send(post(api("/queue/posts")), "{\"targets\": " + targets + "}"), 201);
	}

	private static Instant due(JsonNode post, ConnectionView account) {
		for (JsonNode t : post.path("targets")) {
			if (t.path("connectionId").asString().equals(account.id().toString())) {
				return Instant.parse(t.path("dueAt").asString());
			}
		}
		throw new AssertionError("no target for " + account.handle() + " in " + post);
	}

	private static String local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone).toString();
	}

	private UUID fixedPost(ConnectionView account, String text, Instant at) {
		Member member = new Member(owner.id(), workspace.id(), workspace.name(), Role.OWNER, PARIS);
		PostView post = compose.create(member, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(), text, null, List.of())),
				new PostDraft.At(at, PARIS)));
		return post.targets().getFirst().id();
	}

	@Test
	void slots_are_kept_per_account_as_wall_clock_times_in_the_accounts_zone() throws Exception {
		slots(bluesky, "[{\"day\": \"monday\", \"time\": \"12:30\"}, {\"day\": \"FRIDAY\", \"time\": \"08:05\"}]", 3);
		JsonNode read = ok(call(get(api("/queue/accounts/" + bluesky.id()))), 200);
		assertThat(read.path("timeZone").asString()).isEqualTo("America/Toronto");
		assertThat(read.path("dailyCap").asInt()).isEqualTo(3);
		assertThat(read.path("slots").toString()).isEqualTo("[{\"day\":\"MONDAY\",\"time\":\"12:30\"},{\"day\":\"FRIDAY\",\"time\":\"08:05\"}]");
		JsonNode all = ok(call(get(api("/queue"))), 200);
		assertThat(all).hasSize(2);
	}

	@Test
	void bad_slots_are_refused_naming_the_field_and_the_rule() throws Exception {
		JsonNode refused = ok(send(put(api("/queue/accounts/" + mastodon.id())),
				"{\"slots\": [{\"day\": \"Funday\", \"time\": \"9h\"}], \"dailyCap\": 0}"), 422);
		assertThat(refused.path("errors").toString()).contains("slots[0].day", "weekday", "slots[0].time", "\"time\"");
		JsonNode cap = ok(send(put(api("/queue/accounts/" + mastodon.id())), "{\"slots\": [], \"dailyCap\": 0}"), 422);
		assertThat(cap.path("errors").get(0).path("field").asString()).isEqualTo("dailyCap");
	}

	@Test
	void add_to_queue_puts_each_account_on_its_own_next_free_slot_in_its_own_zone() throws Exception {
		slots(mastodon, "[{\"day\": \"MONDAY\", \"time\": \"09:00\"}, {\"day\": \"TUESDAY\", \"time\": \"09:00\"}]", null);
		slots(bluesky, everyDay("12:30"), null);
		JsonNode first = queue("First loaf", mastodon, bluesky);
		assertThat(local(due(first, mastodon), PARIS)).isEqualTo("2026-11-23T09:00");
		assertThat(local(due(first, bluesky), TORONTO)).isEqualTo("2026-11-22T12:30");
		JsonNode second = queue("Second loaf", mastodon, bluesky);
		assertThat(local(due(second, mastodon), PARIS)).isEqualTo("2026-11-24T09:00");
		assertThat(local(due(second, bluesky), TORONTO)).isEqualTo("2026-11-23T12:30");
		JsonNode third = queue("Third loaf", mastodon);
		assertThat(local(due(third, mastodon), PARIS)).isEqualTo("2026-11-30T09:00");
		JsonNode queued = ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("queued");
		assertThat(queued).extracting(q -> q.path("text").asString()).containsExactly("First loaf", "Second loaf", "Third loaf");
		assertThat(queued.get(0).path("start").asString()).isEqualTo("2026-11-23T09:00:00");
	}

	@Test
	void the_daily_cap_skips_the_days_slots_and_a_post_at_a_fixed_time_counts_and_holds_its_slot() throws Exception {
		slots(mastodon, everyDay("09:00", "12:00", "18:00"), 2);
		fixedPost(mastodon, "Set by hand at noon", Instant.parse("2026-11-22T11:00:00Z"));
		// Sunday: 09:00 is now (not later), 12:00 is held; 18:00 reaches the cap of 2.
		assertThat(local(due(queue("A", mastodon), mastodon), PARIS)).isEqualTo("2026-11-22T18:00");
		assertThat(local(due(queue("B", mastodon), mastodon), PARIS)).isEqualTo("2026-11-23T09:00");
		assertThat(local(due(queue("C", mastodon), mastodon), PARIS)).isEqualTo("2026-11-23T12:00");
		assertThat(local(due(queue("D", mastodon), mastodon), PARIS)).isEqualTo("2026-11-24T09:00");
	}

	@Test
	void the_queue_keeps_0900_local_across_the_spring_change_in_toronto() throws Exception {
		clock.set(Instant.parse("2027-03-12T12:00:00Z"));
		slots(bluesky, everyDay("09:00"), null);
		List<String> utc = new ArrayList<>();
		for (String text : List.of("Friday", "Saturday", "Sunday")) {
			Instant at = due(queue(text, bluesky), bluesky);
			assertThat(local(at, TORONTO)).endsWith("T09:00");
			utc.add(at.atOffset(ZoneOffset.UTC).toLocalTime().toString());
		}
		assertThat(utc).containsExactly("14:00", "14:00", "13:00");
	}

	@Test
	void an_account_without_slots_is_refused_naming_it() throws Exception {
		slots(mastodon, everyDay("09:00"), null);
		JsonNode refused = ok(send(post(api("/queue/posts")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id()
				+ "\", \"text\": \"a\"}, {\"connectionId\": \"" + bluesky.id() + "\", \"text\": \"b\"}]}"), 422);
		assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("targets[1].connectionId");
		assertThat(refused.path("errors").get(0).path("rule").asString()).isEqualTo("slots");
		assertThat(ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("queued")).isEmpty();
	}

	@Test
	void a_contributor_may_not_add_to_the_queue() throws Exception {
		slots(mastodon, everyDay("09:00"), null);
		People.Person contributor = people.person("Cora Contributor");
		people.join(workspace, contributor, Role.CONTRIBUTOR);
		MockHttpServletResponse refused = mvc.perform(post(api("/queue/posts")).header("Authorization", "Bearer " + people.token(contributor))
			.contentType(MediaType.APPLICATION_JSON).content("{\"targets\": [{\"connectionId\": \"" + mastodon.id() + "\", \"text\": \"a\"}]}"))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
	}

	@Test
	void moving_a_queued_post_swaps_slot_times_and_a_post_set_by_hand_is_not_in_the_queue() throws Exception {
		slots(mastodon, everyDay("09:00"), null);
		UUID a = UUID.fromString(queue("A", mastodon).path("targets").get(0).path("id").asString());
		queue("B", mastodon);
		UUID c = UUID.fromString(queue("C", mastodon).path("targets").get(0).path("id").asString());
		JsonNode moved = ok(send(post(api("/queue/targets/" + c + "/move")), "{\"direction\": \"up\"}"), 200);
		assertThat(moved.path("queued")).extracting(q -> q.path("text").asString()).containsExactly("A", "C", "B");
		assertThat(moved.path("queued")).extracting(q -> q.path("start").asString())
			.containsExactly("2026-11-23T09:00:00", "2026-11-24T09:00:00", "2026-11-25T09:00:00");
		JsonNode swapped = ok(send(post(api("/queue/targets/" + a + "/swap")), "{\"withTargetId\": \"" + c + "\"}"), 200);
		assertThat(swapped.path("queued")).extracting(q -> q.path("text").asString()).containsExactly("C", "A", "B");
		JsonNode first = ok(send(post(api("/queue/targets/" + c + "/move")), "{\"direction\": \"up\"}"), 422);
		assertThat(first.path("errors").get(0).path("rule").asString()).isEqualTo("in-queue");
		UUID byHand = fixedPost(mastodon, "By hand", Instant.parse("2026-12-01T10:00:00Z"));
		JsonNode notQueued = ok(send(post(api("/queue/targets/" + a + "/swap")), "{\"withTargetId\": \"" + byHand + "\"}"), 422);
		assertThat(notQueued.path("errors").get(0).path("field").asString()).isEqualTo("withTargetId");
		assertThat(notQueued.path("errors").get(0).path("rule").asString()).isEqualTo("queued");
		JsonNode history = ok(call(get(api("/targets/" + a))), 200).path("history");
		assertThat(history.toString()).contains("rescheduled from");
	}

	@Test
	void shuffle_deals_the_same_slot_times_again_and_leaves_posts_set_by_hand_alone() throws Exception {
		slots(mastodon, everyDay("09:00"), null);
		UUID byHand = fixedPost(mastodon, "By hand", Instant.parse("2026-11-22T17:00:00Z"));
		for (int i = 0; i < 8; i++) {
			queue("Post " + i, mastodon);
		}
		List<String> before = ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("queued").valueStream()
			.map(q -> q.path("start").asString()).toList();
		ok(call(post(api("/queue/accounts/" + mastodon.id() + "/shuffle"))), 200);
		JsonNode after = ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("queued");
		assertThat(after.valueStream().map(q -> q.path("start").asString()).toList()).isEqualTo(before);
		assertThat(after.valueStream().map(q -> q.path("text").asString()).sorted().toList())
			.containsExactly("Post 0", "Post 1", "Post 2", "Post 3", "Post 4", "Post 5", "Post 6", "Post 7");
		assertThat(ok(call(get(api("/targets/" + byHand))), 200).path("target").path("dueAt").asString()).isEqualTo("2026-11-22T17:00:00Z");
	}

	@Test
	void a_recurring_post_creates_every_occurrence_and_cancels_as_a_series() throws Exception {
		JsonNode series = ok(send(post(api("/recurring")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id()
				+ "\", \"text\": \"Weekly bread\"}], \"start\": \"2026-11-23T08:30\", \"timeZone\": \"Europe/Paris\", \"every\": 1,"
				+ " \"unit\": \"weeks\", \"weekdays\": [\"MONDAY\", \"THURSDAY\"], \"count\": 4}"), 201);
		assertThat(series.path("rule").asString()).contains("every 1 weeks on MONDAY,THURSDAY at 08:30 Europe/Paris", "4 times");
		List<String> starts = new ArrayList<>();
		for (JsonNode postId : series.path("postIds")) {
			JsonNode post = ok(call(get(api("/posts/" + postId.asString()))), 200);
			starts.add(local(Instant.parse(post.path("targets").get(0).path("dueAt").asString()), PARIS));
		}
		assertThat(starts).containsExactly("2026-11-23T08:30", "2026-11-26T08:30", "2026-11-30T08:30", "2026-12-03T08:30");
		JsonNode december = ok(call(get(api("/calendar/events?from=2026-11-23&to=2026-12-07"))), 200);
		assertThat(december.valueStream().filter(e -> e.path("preview").asString().contains("Weekly bread")).count()).isEqualTo(4);
		String id = series.path("id").asString();
		assertThat(ok(call(post(api("/recurring/" + id + "/cancel"))), 200).path("cancelled").asInt()).isEqualTo(4);
		assertThat(ok(call(post(api("/recurring/" + id + "/cancel"))), 200).path("cancelled").asInt()).isZero();
		assertThat(ok(call(get(api("/recurring/" + id))), 200).path("cancelledAt").isNull()).isFalse();
	}

	@Test
	void a_recurring_rule_with_mistakes_names_each_field_and_creates_nothing() throws Exception {
		JsonNode refused = ok(send(post(api("/recurring")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id()
				+ "\", \"text\": \"x\"}], \"start\": \"2026-11-23T08:30\", \"every\": 1, \"unit\": \"weeks\","
				+ " \"weekdays\": [\"Caturday\"], \"until\": \"2026-12-31\", \"count\": 3}"), 422);
		assertThat(refused.path("errors").toString()).contains("weekdays[0]");
		JsonNode both = ok(send(post(api("/recurring")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id()
				+ "\", \"text\": \"x\"}], \"start\": \"2026-11-23T08:30\", \"every\": 1, \"unit\": \"days\","
				+ " \"until\": \"2026-12-31\", \"count\": 3}"), 422);
		assertThat(both.path("errors").get(0).path("field").asString()).isEqualTo("until");
		JsonNode tooLong = ok(send(post(api("/recurring")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id() + "\", \"text\": \""
				+ "x".repeat(501) + "\"}], \"start\": \"2026-11-23T08:30\", \"every\": 1, \"unit\": \"days\", \"count\": 3}"), 422);
		assertThat(tooLong.path("errors").get(0).path("field").asString()).startsWith("targets[0].");
		assertThat(ok(call(get(api("/recurring"))), 200)).isEmpty();
	}

	@Test
	void an_evergreen_post_goes_back_into_the_queue_once_after_its_publication_never_closer_than_the_gap() throws Exception {
		slots(mastodon, everyDay("09:00"), null);
		JsonNode post = ok(send(post(api("/queue/posts")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id()
				+ "\", \"text\": \"Our classic baguette\"}], \"evergreen\": {\"minimumGapDays\": 7}}"), 201);
		UUID target = UUID.fromString(post.path("targets").get(0).path("id").asString());
		JsonNode evergreen = ok(call(get(api("/queue/evergreen"))), 200).get(0);
		UUID id = UUID.fromString(evergreen.path("id").asString());
		assertThat(evergreenRequeue.requeue(id)).isEqualTo(EvergreenRequeue.Outcome.WAITING);

		// The engine publishes it on Monday 23 at 09:00 Paris (08:00 UTC).
		jdbc.sql("update post_target set state = 'published', published_at = ?, remote_id = '1' where id = ?")
			.params(Instant.parse("2026-11-23T08:00:00Z").atOffset(ZoneOffset.UTC), target).update();
		clock.set(Instant.parse("2026-11-23T08:05:00Z"));
		assertThat(evergreenRequeue.requeue(id)).isEqualTo(EvergreenRequeue.Outcome.REQUEUED);
		assertThat(evergreenRequeue.requeue(id)).isEqualTo(EvergreenRequeue.Outcome.WAITING);
		JsonNode queued = ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("queued");
		assertThat(queued).hasSize(1);
		assertThat(queued.get(0).path("start").asString()).isEqualTo("2026-11-30T09:00:00");
		assertThat(queued.get(0).path("text").asString()).isEqualTo("Our classic baguette");
		assertThat(queued.get(0).path("evergreen").asBoolean()).isTrue();
		assertThat(ok(call(get(api("/queue/evergreen"))), 200).get(0).path("timesRequeued").asInt()).isEqualTo(1);

		JsonNode stopped = ok(call(post(api("/queue/evergreen/" + id + "/stop"))), 200);
		assertThat(stopped.path("stopReason").asString()).startsWith("stopped by");
		assertThat(evergreenRequeue.requeue(id)).isEqualTo(EvergreenRequeue.Outcome.STOPPED);
	}

	@Test
	void an_evergreen_post_whose_copy_was_cancelled_stops_saying_why() throws Exception {
		slots(mastodon, everyDay("09:00"), null);
		JsonNode post = ok(send(post(api("/queue/posts")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id()
				+ "\", \"text\": \"Seasonal\"}], \"evergreen\": {\"minimumGapDays\": 30}}"), 201);
		ok(call(post(api("/posts/" + post.path("id").asString() + "/cancel"))), 200);
		UUID id = UUID.fromString(ok(call(get(api("/queue/evergreen"))), 200).get(0).path("id").asString());
		assertThat(evergreenRequeue.requeue(id)).isEqualTo(EvergreenRequeue.Outcome.STOPPED);
		assertThat(ok(call(get(api("/queue/evergreen"))), 200).get(0).path("stopReason").asString()).contains("cancelled");
		JsonNode badGap = ok(send(post(api("/queue/posts")), "{\"targets\": [{\"connectionId\": \"" + mastodon.id()
				+ "\", \"text\": \"x\"}], \"evergreen\": {\"minimumGapDays\": 0}}"), 422);
		assertThat(badGap.path("errors").get(0).path("field").asString()).isEqualTo("evergreen.minimumGapDays");
	}

	@Test
	void the_queue_page_sets_slots_and_moves_posts_in_english_and_french() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String page = "/w/" + workspace.id() + "/queue";
		String english = mvc.perform(get(page).session(browser)).andReturn().getResponse().getContentAsString();
		assertInLayout(english, owner);
		assertWorkspaceNav(english, workspace.id(), "queue");
		assertThat(english).contains("Posting slots (0)", "@quentin@bakery.example", "America/Toronto");
		MockHttpServletResponse saved = mvc.perform(post(page + "/accounts/" + mastodon.id() + "/slots").session(browser).with(csrf())
			.param("times-MONDAY", "09:00, 12:30").param("times-FRIDAY", "17:45").param("dailyCap", "")).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo(page);
		assertThat(ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("slots")).hasSize(3);
		String fragment = mvc.perform(post(page + "/accounts/" + mastodon.id() + "/slots").session(browser).with(csrf())
			.header("HX-Request", "true").param("times-MONDAY", "9h")).andReturn().getResponse().getContentAsString();
		assertThat(fragment).startsWith("<section").contains("slots-error", "aria-invalid=\"true\"").doesNotContain("<html");
		String french = mvc.perform(get(page + "?lang=fr").session(browser)).andReturn().getResponse().getContentAsString();
		assertThat(french).contains("File d’attente", "Créneaux de publication (3)", "value=\"09:00, 12:30\"", "Lundi");
	}

	@Test
	void add_to_queue_from_the_composer_queues_the_post_or_shows_the_composer_again_with_the_problem() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String composer = mvc.perform(get("/w/" + workspace.id() + "/compose").session(browser)).andReturn().getResponse()
			.getContentAsString();
		assertThat(composer).contains("formaction=\"/w/" + workspace.id() + "/queue/add\"", "Add to queue");
		String refused = mvc.perform(post("/w/" + workspace.id() + "/queue/add").session(browser).with(csrf())
			.param("accounts", mastodon.id().toString()).param("text", "Kept text")).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("data-rule=\"slots\"", "Kept text", "id=\"composer\"");
		slots(mastodon, everyDay("09:00"), null);
		MockHttpServletResponse added = mvc.perform(post("/w/" + workspace.id() + "/queue/add").session(browser).with(csrf())
			.param("accounts", mastodon.id().toString()).param("text", "From the composer").param("evergreen", "true")
			.param("evergreenGapDays", "14")).andReturn().getResponse();
		assertThat(added.getRedirectedUrl()).isEqualTo("/w/" + workspace.id() + "/queue");
		JsonNode queued = ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("queued");
		assertThat(queued.get(0).path("text").asString()).isEqualTo("From the composer");
		assertThat(queued.get(0).path("evergreen").asBoolean()).isTrue();
	}

	@Test
	void the_composers_live_check_sent_to_the_queue_buttons_address_queues_nothing() throws Exception {
		// htmx sends its live check to the formaction of the last submit button clicked: a keystroke
		// just before "Add to queue" arrives here too, beside the real submission.
		slots(mastodon, everyDay("09:00"), null);
		MockHttpSession browser = people.signIn(owner);
		MockHttpServletResponse check = mvc.perform(post("/w/" + workspace.id() + "/queue/add").session(browser).with(csrf())
			.header("HX-Request", "true").param("accounts", mastodon.id().toString()).param("text", "Only once")).andReturn().getResponse();
		assertThat(check.getStatus()).isEqualTo(204);
		mvc.perform(post("/w/" + workspace.id() + "/queue/add").session(browser).with(csrf())
			.param("accounts", mastodon.id().toString()).param("text", "Only once"));
		assertThat(ok(call(get(api("/queue/accounts/" + mastodon.id()))), 200).path("queued")).hasSize(1);
	}

	@Test
	void the_recurring_page_creates_a_series_and_explains_a_mistake() throws Exception {
		MockHttpSession browser = people.signIn(owner);
		String page = "/w/" + workspace.id() + "/queue/recurring";
		String form = mvc.perform(get(page).session(browser)).andReturn().getResponse().getContentAsString();
		assertInLayout(form, owner);
		String refused = mvc.perform(post(page).session(browser).with(csrf()).param("accounts", mastodon.id().toString())
			.param("text", "Daily").param("start", "2026-11-24T10:00").param("timeZone", "Europe/Paris").param("every", "1")
			.param("unit", "days").param("ends", "until").param("until", "2026-11-01")).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("until-error", "data-rule=\"after-start\"");
		MockHttpServletResponse created = mvc.perform(post(page).session(browser).with(csrf()).param("accounts", mastodon.id().toString())
			.param("text", "Daily").param("start", "2026-11-24T10:00").param("timeZone", "Europe/Paris").param("every", "2")
			.param("unit", "days").param("ends", "count").param("count", "3")).andReturn().getResponse();
		assertThat(created.getRedirectedUrl()).isEqualTo(page);
		String french = mvc.perform(get(page + "?lang=fr").session(browser)).andReturn().getResponse().getContentAsString();
		assertThat(french).contains("Publications récurrentes", "every 2 days at 10:00 Europe/Paris from 2026-11-24, 3 times", "Annuler la série");
	}

	@Test
	void the_openapi_document_describes_the_queue() throws Exception {
		String openapi = mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse().getContentAsString();
		assertThat(openapi).contains("/api/v1/workspaces/{workspaceId}/queue", "/api/v1/workspaces/{workspaceId}/queue/accounts/{connectionId}",
				"/api/v1/workspaces/{workspaceId}/queue/posts", "/api/v1/workspaces/{workspaceId}/queue/accounts/{connectionId}/shuffle",
				"/api/v1/workspaces/{workspaceId}/queue/targets/{targetId}/swap", "/api/v1/workspaces/{workspaceId}/recurring",
				"/api/v1/workspaces/{workspaceId}/recurring/{seriesId}/cancel", "/api/v1/workspaces/{workspaceId}/queue/evergreen");
	}
}
