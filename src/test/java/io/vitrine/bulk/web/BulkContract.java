package io.vitrine.bulk.web;

import io.vitrine.media.MediaItem;
import io.vitrine.categories.ContentCategories;
import io.vitrine.media.MediaLibrary;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** CSV import and export through the REST API and the real security chain, the clock on 22 November 2026. */
@WebContract
abstract class BulkContract {

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
	MediaLibrary media;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SettableClock clock;

	@Autowired
	ContentCategories categories;

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
		owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Bakery");
		token = people.token(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
		bluesky = TestAccounts.bluesky(connections, workspace.id(), "olga.bsky.social");
	}

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	private MockHttpServletResponse call(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	private JsonNode read(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString());
	}

	private MockHttpServletResponse upload(String csv) throws Exception {
		return upload(csv.getBytes(StandardCharsets.UTF_8));
	}

	private MockHttpServletResponse upload(byte[] csv) throws Exception {
		return call(multipart(api("/imports")).file(new MockMultipartFile("file", "posts.csv", "text/csv", csv)));
	}

	private JsonNode previewed(String csv) throws Exception {
		MockHttpServletResponse response = upload(csv);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return read(response);
	}

	private MockHttpServletResponse start(String importId, String body) throws Exception {
		MockHttpServletRequestBuilder request = post(api("/imports/" + importId + "/start"));
		if (body != null) {
			request.contentType("application/json").content(body);
		}
		return call(request);
	}

	/** Waits for the background job (a bound on waiting, not a timing assertion). */
	private JsonNode awaitFinished(String importId) throws Exception {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (true) {
			JsonNode status = read(call(get(api("/imports/" + importId)))).path("status");
			if (!status.path("state").asString().equals("importing") || System.nanoTime() > deadline) {
				return status;
			}
			Thread.sleep(50);
		}
	}

	private int posts() {
		return jdbc.sql("select count(*) from post where workspace_id = ?").param(workspace.id()).query(Integer.class).single();
	}

	private record Target(String handle, String body, String link, String state, Instant dueAt) {
	}

	private List<Target> targets() {
		return jdbc.sql("select c.handle, t.body, t.link, t.state, t.due_at from post_target t join connection c on c.id = t.connection_id"
				+ " where t.workspace_id = ? order by t.due_at nulls last, c.handle, t.body")
			.param(workspace.id())
			.query((rs, row) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class) == null ? null : rs.getObject(5, OffsetDateTime.class).toInstant()))
			.list();
	}

	private static Instant paris(String wallClock) {
		return LocalDateTime.parse(wallClock).atZone(PARIS).toInstant();
	}

	private static boolean hasError(JsonNode errors, int row, String column, String rule) {
		for (JsonNode e : errors) {
			if (e.path("row").asInt() == row && e.path("column").asString().equals(column) && e.path("rule").asString().equals(rule)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void a_file_with_bad_rows_is_previewed_with_row_column_and_rule_and_nothing_is_imported_until_asked() throws Exception {
		JsonNode preview = previewed("""
				text,accounts,scheduled_at,time_zone,text_bluesky
				Croissants at seven,@olga@bakery.example,2026-12-10 09:00,Europe/Paris,
				Too late,@olga@bakery.example,2026-11-01 09:00,,
				"Both networks, one line
				and another",mastodon:@olga@bakery.example olga.bsky.social,2026-12-11 10:30,,Bluesky's own words
				Nobody,@nobody@nowhere.example,2026-12-12 09:00,,
				""");
		JsonNode status = preview.path("status");
		assertThat(status.path("state").asString()).isEqualTo("previewed");
		assertThat(status.path("rowsTotal").asInt()).isEqualTo(4);
		assertThat(status.path("rowsValid").asInt()).isEqualTo(2);
		JsonNode errors = preview.path("errors");
		assertThat(errors).hasSize(2);
		assertThat(hasError(errors, 3, "scheduled_at", "future")).as(errors.toString()).isTrue();
		assertThat(errors.get(0).path("message").asString()).isEqualTo("must be in the future");
		assertThat(hasError(errors, 5, "accounts", "exists")).as(errors.toString()).isTrue();
		assertThat(preview.path("firstRows")).hasSize(4);
		assertThat(preview.path("firstRows").get(1).path("valid").asBoolean()).isFalse();
		assertThat(posts()).as("nothing imported by the preview").isZero();

		String id = status.path("id").asString();
		MockHttpServletResponse refused = start(id, null);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("\"field\":\"validRowsOnly\"", "\"rule\":\"all-valid\"");
		assertThat(posts()).isZero();

		MockHttpServletResponse started = start(id, "{\"validRowsOnly\":true}");
		assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
		JsonNode done = awaitFinished(id);
		assertThat(done.path("state").asString()).isEqualTo("done");
		assertThat(done.path("rowsImported").asInt()).isEqualTo(2);
		assertThat(done.path("percent").asInt()).isEqualTo(100);
		assertThat(posts()).isEqualTo(2);
		assertThat(targets()).containsExactly(
				new Target("@olga@bakery.example", "Croissants at seven", null, "scheduled", paris("2026-12-10T09:00")),
				new Target("@olga@bakery.example", "Both networks, one line\nand another", null, "scheduled", paris("2026-12-11T10:30")),
				new Target("olga.bsky.social", "Bluesky's own words", null, "scheduled", paris("2026-12-11T10:30")));
		JsonNode rows = read(call(get(api("/imports/" + id)))).path("firstRows");
		assertThat(rows.get(0).path("postId").asString()).isNotBlank();
		assertThat(rows.get(1).path("postId").isNull()).isTrue();

		MockHttpServletResponse again = start(id, "{\"validRowsOnly\":true}");
		assertThat(again.getStatus()).isEqualTo(202);
		assertThat(read(again).path("state").asString()).isEqualTo("done");
		assertThat(posts()).as("a second start imports nothing twice").isEqualTo(2);
	}

	@Test
	void an_import_started_twice_at_once_creates_each_post_once() throws Exception {
		StringBuilder csv = new StringBuilder("text,accounts,scheduled_at\n");
		for (int i = 0; i < 250; i++) {
			csv.append("Post ").append(i).append(",@olga@bakery.example,2026-12-").append(10 + i % 15).append(" 09:").append(10 + i % 50).append('\n');
		}
		String id = previewed(csv.toString()).path("status").path("id").asString();
		List<Thread> clicks = new ArrayList<>();
		List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 3; i++) {
			Thread click = new Thread(() -> {
				try {
					statuses.add(start(id, "{}").getStatus());
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			clicks.add(click);
			click.start();
		}
		for (Thread click : clicks) {
			click.join();
		}
		assertThat(statuses).containsOnly(202);
		assertThat(awaitFinished(id).path("state").asString()).isEqualTo("done");
		assertThat(posts()).isEqualTo(250);
		assertThat(jdbc.sql("select count(distinct body) from post_target where workspace_id = ?").param(workspace.id())
			.query(Integer.class).single()).isEqualTo(250);
	}

	@Test
	void an_import_whose_node_stopped_is_resumed_without_posting_its_imported_rows_twice() throws Exception {
		String id = previewed("text,accounts,scheduled_at\nOne,@olga@bakery.example,2026-12-10 09:00\n"
				+ "Two,@olga@bakery.example,2026-12-11 09:00\n").path("status").path("id").asString();
		start(id, null);
		assertThat(awaitFinished(id).path("state").asString()).isEqualTo("done");
		// As if its node died after the last batch committed and before the import was marked done.
		jdbc.sql("update bulk_import set state = 'importing', updated_at = ? where id = ?")
			.params(OffsetDateTime.parse("2026-11-22T07:50:00Z"), UUID.fromString(id)).update();
		MockHttpServletResponse resumed = start(id, null);
		assertThat(resumed.getStatus()).isEqualTo(202);
		assertThat(awaitFinished(id).path("state").asString()).isEqualTo("done");
		assertThat(posts()).isEqualTo(2);
	}

	@Test
	void times_are_read_in_their_zone_and_rows_without_a_time_become_drafts() throws Exception {
		JsonNode preview = previewed("""
				text,accounts,scheduled_at,time_zone
				New year in Toronto,olga.bsky.social,2026-12-31 22:00,America/Toronto
				With its offset,olga.bsky.social,2026-12-20T09:00:00+01:00,
				An idea for later,@olga@bakery.example,,
				In the spring gap,@olga@bakery.example,2027-03-28 02:30,Europe/Paris
				Not a date,@olga@bakery.example,2026-13-01 09:00,
				On Mars,@olga@bakery.example,2026-12-10 09:00,Mars/Olympus
				""");
		JsonNode errors = preview.path("errors");
		assertThat(hasError(errors, 5, "scheduled_at", "nonexistent-local-time")).as(errors.toString()).isTrue();
		assertThat(hasError(errors, 6, "scheduled_at", "datetime")).as(errors.toString()).isTrue();
		assertThat(errors.toString()).contains("\"row\":7,\"column\":\"time_zone\"");
		String id = preview.path("status").path("id").asString();
		start(id, "{\"validRowsOnly\":true}");
		assertThat(awaitFinished(id).path("rowsImported").asInt()).isEqualTo(3);
		assertThat(targets()).containsExactly(
				new Target("olga.bsky.social", "With its offset", null, "scheduled", Instant.parse("2026-12-20T08:00:00Z")),
				new Target("olga.bsky.social", "New year in Toronto", null, "scheduled", Instant.parse("2027-01-01T03:00:00Z")),
				new Target("@olga@bakery.example", "An idea for later", null, "draft", null));
	}

	@Test
	void a_category_is_named_case_ignored_and_the_campaign_kept_and_both_come_back_in_the_export() throws Exception {
		Member owner = new Member(this.owner.id(), workspace.id(), workspace.name(), Role.OWNER, PARIS);
		categories.create(owner, "Baker's tips", "#2a9d8f");
		JsonNode preview = previewed("""
				text,accounts,scheduled_at,category,campaign
				Keep bread fresh,@olga@bakery.example,2026-12-10 09:00,baker's TIPS,Christmas 2026
				Our stollen,@olga@bakery.example,2026-12-11 09:00,Products,Christmas 2026
				""");
		JsonNode errors = preview.path("errors");
		assertThat(hasError(errors, 3, "category", "exists")).as(errors.toString()).isTrue();
		assertThat(errors.toString()).contains("Products");
		String id = preview.path("status").path("id").asString();
		start(id, "{\"validRowsOnly\":true}");
		assertThat(awaitFinished(id).path("rowsImported").asInt()).isEqualTo(1);

		assertThat(export("")).contains("Keep bread fresh,,mastodon:@olga@bakery.example,2026-12-10T09:00+01:00,Europe/Paris,,"
				+ "Baker's tips,Christmas 2026,scheduled");
	}

	@Test
	void each_row_is_checked_by_its_networks_own_rules_like_in_the_composer() throws Exception {
		JsonNode errors = previewed("text,accounts,link,text_mastodon\n"
				+ "\"" + "b".repeat(301) + "\",olga.bsky.social,,\n"
				+ "Short,@olga@bakery.example,,\"" + "m".repeat(501) + "\"\n"
				+ "Bad link,@olga@bakery.example,ftp://bakery.example,\n"
				+ "Twice,@olga@bakery.example olga@bakery.example,,\n").path("errors");
		assertThat(errors).hasSize(4);
		assertThat(errors.get(0).path("row").asInt()).isEqualTo(2);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("text");
		assertThat(errors.get(0).path("message").asString()).contains("Bluesky", "olga.bsky.social", "300");
		assertThat(errors.get(1).path("column").asString()).as("the column the text came from").isEqualTo("text_mastodon");
		assertThat(errors.get(1).path("message").asString()).contains("Mastodon", "500");
		assertThat(hasError(errors, 4, "link", "url")).as(errors.toString()).isTrue();
		assertThat(hasError(errors, 5, "accounts", "unique")).as(errors.toString()).isTrue();
	}

	@Test
	void images_are_named_by_their_file_name_in_the_library() throws Exception {
		MediaItem croissant = media.store(workspace.id(), "croissant.png", png());
		JsonNode preview = previewed("text,accounts,scheduled_at,media\n"
				+ "With a picture,@olga@bakery.example,2026-12-10 09:00,croissant.png\n"
				+ "With a lost picture,@olga@bakery.example,2026-12-10 09:00,baguette.png\n");
		assertThat(hasError(preview.path("errors"), 3, "media", "exists")).as(preview.path("errors").toString()).isTrue();
		String id = preview.path("status").path("id").asString();
		start(id, "{\"validRowsOnly\":true}");
		assertThat(awaitFinished(id).path("rowsImported").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("select m.media_id from post_target_media m join post_target t on t.id = m.target_id where t.workspace_id = ?")
			.param(workspace.id()).query(UUID.class).list()).containsExactly(croissant.id());
	}

	@Test
	void a_file_that_cannot_be_read_as_a_whole_is_refused_naming_row_1_and_the_column() throws Exception {
		MockHttpServletResponse refused = upload("text,accounts,sheduled_at\nHello,@olga@bakery.example,2026-12-10 09:00\n");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("\"field\":\"file\"", "\"rule\":\"known-column\"",
				"row 1, column sheduled_at: unknown column");
		assertThat(upload("text,accounts\n").getContentAsString()).contains("the file has no rows under its header");
		assertThat(jdbc.sql("select count(*) from bulk_import where workspace_id = ?").param(workspace.id()).query(Integer.class).single())
			.isZero();
	}

	@Test
	void a_file_with_no_valid_row_cannot_be_started() throws Exception {
		String id = previewed("text,accounts\nHello,@nobody\n").path("status").path("id").asString();
		MockHttpServletResponse refused = start(id, "{\"validRowsOnly\":true}");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("\"rule\":\"none-valid\"");
	}

	@Test
	void an_analyst_can_neither_import_nor_start_an_import() throws Exception {
		People.Person analyst = people.person("Ana Analyst");
		people.join(workspace, analyst, Role.ANALYST);
		String theirs = people.token(analyst);
		MockHttpServletResponse refused = mvc.perform(multipart(api("/imports"))
			.file(new MockMultipartFile("file", "posts.csv", "text/csv", "text,accounts\nHi,@olga@bakery.example\n".getBytes()))
			.header("Authorization", "Bearer " + theirs)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
	}

	@Test
	void a_contributors_scheduled_rows_are_refused_but_drafts_are_imported() throws Exception {
		People.Person contributor = people.person("Cory Contributor");
		people.join(workspace, contributor, Role.CONTRIBUTOR);
		token = people.token(contributor);
		JsonNode preview = previewed("text,accounts,scheduled_at\nScheduled,@olga@bakery.example,2026-12-10 09:00\n"
				+ "Draft,@olga@bakery.example,\n");
		assertThat(hasError(preview.path("errors"), 2, "scheduled_at", "permission")).as(preview.toString()).isTrue();
		assertThat(preview.path("status").path("rowsValid").asInt()).isEqualTo(1);
	}

	private String export(String query) throws Exception {
		MockHttpServletResponse response = call(get(api("/exports/posts.csv" + query)));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/csv");
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private UUID schedule(ConnectionView account, String text, String link, Instant at, ZoneId zone) {
		Member member = new Member(owner.id(), workspace.id(), workspace.name(), Role.OWNER, PARIS);
		return compose.create(member, new PostDraft(List.of(new PostDraft.TargetDraft(account.id(), text, link, List.of())),
				new PostDraft.At(at, zone))).targets().getFirst().id();
	}

	@Test
	void the_export_imports_again_as_the_same_posts() throws Exception {
		schedule(mastodon, "Croissants, \"fresh\"\nat seven", "https://bakery.example/croissants", paris("2026-12-10T09:00"), PARIS);
		connections.setTimeZone(workspace.id(), bluesky.id(), ZoneId.of("America/Toronto"));
		schedule(bluesky, "Happy new year from Toronto", null, Instant.parse("2027-01-01T03:00:00Z"), ZoneId.of("America/Toronto"));
		String csv = export("");
		assertThat(csv).startsWith("text,link,accounts,scheduled_at,time_zone,media,category,campaign,state,network,post_id,target_id,"
				+ "published_url\r\n");
		assertThat(csv).contains("\"Croissants, \"\"fresh\"\"\nat seven\",https://bakery.example/croissants,"
				+ "mastodon:@olga@bakery.example,2026-12-10T09:00+01:00,Europe/Paris,,,,scheduled,mastodon,");
		assertThat(csv).contains("bluesky:olga.bsky.social,2026-12-31T22:00-05:00,America/Toronto");
		List<Target> before = targets();

		JsonNode preview = previewed(csv);
		assertThat(preview.path("errors")).as(preview.path("errors").toString()).isEmpty();
		String id = preview.path("status").path("id").asString();
		start(id, null);
		assertThat(awaitFinished(id).path("rowsImported").asInt()).isEqualTo(2);
		List<Target> after = targets();
		assertThat(after).hasSize(4);
		assertThat(new java.util.HashSet<>(after)).as("each exported post came back once more, identical")
			.isEqualTo(new java.util.HashSet<>(before));
	}

	@Test
	void the_export_keeps_only_the_chosen_dates_account_and_state_and_can_be_made_for_excel() throws Exception {
		UUID december = schedule(mastodon, "December", null, paris("2026-12-10T09:00"), PARIS);
		UUID january = schedule(bluesky, "January", null, paris("2027-01-10T09:00"), PARIS);
		UUID published = schedule(mastodon, "Published", null, paris("2026-12-11T09:00"), PARIS);
		jdbc.sql("update post_target set state = 'published', remote_url = 'https://bakery.example/@olga/9' where id = ?")
			.param(published).update();
		assertThat(export("?from=2026-12-01&to=2027-01-01")).contains(december.toString(), published.toString())
			.doesNotContain(january.toString());
		assertThat(export("?account=" + bluesky.id())).contains(january.toString()).doesNotContain(december.toString());
		assertThat(export("?state=published")).contains(published.toString(), "https://bakery.example/@olga/9")
			.doesNotContain(december.toString());

		MockHttpServletResponse excel = call(get(api("/exports/posts.csv?bom=true&separator=semicolon")));
		byte[] bytes = excel.getContentAsByteArray();
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("text;link;accounts;scheduled_at");

		MockHttpServletResponse bad = call(get(api("/exports/posts.csv?state=lost&from=yesterday")));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("\"field\":\"state\"", "\"field\":\"from\"");
	}

	@Test
	void an_excel_export_with_semicolons_and_a_byte_order_mark_imports_again() throws Exception {
		schedule(mastodon, "Crêpes; cidre et galettes", null, paris("2026-12-10T09:00"), PARIS);
		byte[] excel = call(get(api("/exports/posts.csv?bom=true&separator=semicolon"))).getContentAsByteArray();
		MockHttpServletResponse response = upload(excel);
		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(read(response).path("errors")).isEmpty();
		assertThat(read(response).path("firstRows").get(0).path("values").path("text").asString()).isEqualTo("Crêpes; cidre et galettes");
	}

	private static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
