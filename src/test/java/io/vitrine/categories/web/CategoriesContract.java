package io.vitrine.categories.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.WebContract;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Content categories and campaign tags through the REST API and the real security chain: the categories' own rules,
 * a post naming one, the calendar filtering by both, and a removed category leaving its posts without one.
 */
@WebContract
abstract class CategoriesContract {

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

	private final ObjectMapper json = new ObjectMapper();

	private People people;

	private WorkspaceSummary workspace;

	private String ownerToken;

	private ConnectionView mastodon;

	@BeforeEach
	void setUp() {
		clock.set(Instant.parse("2026-11-22T08:00:00Z"));
		people = new People(context, mvc);
		People.Person owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Bakery");
		ownerToken = people.token(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
	}

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	private MockHttpServletResponse send(String token, MockHttpServletRequestBuilder request, String body) throws Exception {
		if (body != null) {
			request.contentType("application/json").content(body);
		}
		return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	private JsonNode ok(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
		return json.readTree(response.getContentAsString());
	}

	private JsonNode create(String name, String color) throws Exception {
		return ok(send(ownerToken, post(api("/categories")), "{\"name\":\"" + name + "\"" + (color == null ? "" : ",\"color\":\"" + color + "\"") + "}"));
	}

	private UUID scheduled(String text, UUID category, String campaign) throws Exception {
		String labels = (category == null ? "" : ",\"categoryId\":\"" + category + "\"") + (campaign == null ? "" : ",\"campaign\":\"" + campaign + "\"");
		return UUID.fromString(ok(send(ownerToken, post(api("/posts")), "{\"targets\":[{\"connectionId\":\"" + mastodon.id()
				+ "\",\"text\":\"" + text + "\"}],\"publish\":\"schedule\",\"scheduledAt\":\"2026-12-10T09:00\",\"timeZone\":\"Europe/Paris\""
				+ labels + "}")).path("id").asString());
	}

	/** The previews of December's events, filtered by the given parameters (name, value, name, value...). */
	private List<String> calendar(String... filter) throws Exception {
		MockHttpServletRequestBuilder request = get(api("/calendar/events")).param("from", "2026-12-01").param("to", "2027-01-01");
		for (int i = 0; i < filter.length; i += 2) {
			request.param(filter[i], filter[i + 1]);
		}
		return ok(send(ownerToken, request, null)).valueStream().map(e -> e.path("preview").asString()).sorted().toList();
	}

	@Test
	void categories_are_listed_by_name_with_the_palette_taking_turns_when_no_colour_is_given() throws Exception {
		JsonNode tips = create("Tips", null);
		JsonNode behind = create("Behind the scenes", "#AA3300");

		assertThat(tips.path("color").asString()).matches("#[0-9a-f]{6}");
		assertThat(behind.path("color").asString()).isEqualTo("#aa3300");
		JsonNode listed = ok(send(ownerToken, get(api("/categories")), null));
		assertThat(listed.valueStream().map(c -> c.path("name").asString()).toList()).containsExactly("Behind the scenes", "Tips");
		assertThat(create("Products", null).path("color").asString()).isNotEqualTo(tips.path("color").asString());
	}

	@Test
	void a_name_is_required_unique_whatever_its_case_and_short_and_a_colour_is_hex() throws Exception {
		create("Tips", null);

		MockHttpServletResponse blank = send(ownerToken, post(api("/categories")), "{\"name\":\"  \"}");
		MockHttpServletResponse twice = send(ownerToken, post(api("/categories")), "{\"name\":\" TIPS \"}");
		MockHttpServletResponse tooLong = send(ownerToken, post(api("/categories")), "{\"name\":\"" + "x".repeat(61) + "\"}");
		MockHttpServletResponse badColour = send(ownerToken, post(api("/categories")), "{\"name\":\"Recipes\",\"color\":\"red\"}");

		assertThat(List.of(blank, twice, tooLong, badColour)).allMatch(r -> r.getStatus() == 422);
		assertThat(blank.getContentAsString()).contains("\"field\":\"name\"", "\"rule\":\"required\"");
		assertThat(twice.getContentAsString()).contains("\"field\":\"name\"", "\"rule\":\"unique\"", "Tips");
		assertThat(tooLong.getContentAsString()).contains("\"rule\":\"max-length\"");
		assertThat(badColour.getContentAsString()).contains("\"field\":\"color\"", "\"rule\":\"color\"");
	}

	@Test
	void a_contributor_sees_the_categories_but_cannot_change_them() throws Exception {
		UUID tips = UUID.fromString(create("Tips", null).path("id").asString());
		People.Person carl = people.person("Carl Contributor");
		people.join(workspace, carl, Role.CONTRIBUTOR);
		String carlToken = people.token(carl);

		assertThat(ok(send(carlToken, get(api("/categories")), null))).hasSize(1);
		assertThat(send(carlToken, post(api("/categories")), "{\"name\":\"Mine\"}").getStatus()).isEqualTo(403);
		assertThat(send(carlToken, put(api("/categories/" + tips)), "{\"name\":\"Mine\"}").getStatus()).isEqualTo(403);
		assertThat(send(carlToken, delete(api("/categories/" + tips)), null).getStatus()).isEqualTo(403);
	}

	@Test
	void a_post_names_a_category_and_a_campaign_and_the_calendar_shows_and_filters_by_them() throws Exception {
		JsonNode tips = create("Tips", "#2a9d8f");
		UUID tipsId = UUID.fromString(tips.path("id").asString());
		UUID products = UUID.fromString(create("Products", null).path("id").asString());
		UUID post = scheduled("How to keep bread fresh", tipsId, "  Christmas   2026 ");
		scheduled("Our new stollen", products, "Christmas 2026");
		scheduled("Sourdough workshop", null, null);

		JsonNode saved = ok(send(ownerToken, get(api("/posts/" + post)), null));
		assertThat(saved.path("labels").path("categoryId").asString()).isEqualTo(tipsId.toString());
		assertThat(saved.path("labels").path("campaign").asString()).isEqualTo("Christmas 2026");

		assertThat(calendar()).hasSize(3);
		assertThat(calendar("category", tipsId.toString())).containsExactly("How to keep bread fresh");
		assertThat(calendar("campaign", "christmas 2026")).containsExactly("How to keep bread fresh", "Our new stollen");
		assertThat(calendar("category", products.toString(), "campaign", "Christmas 2026")).containsExactly("Our new stollen");
		JsonNode event = ok(send(ownerToken, get(api("/calendar/events?from=2026-12-01&to=2027-01-01&category=" + tipsId)), null)).get(0);
		assertThat(event.path("category").asString()).isEqualTo("Tips");
		assertThat(event.path("categoryColor").asString()).isEqualTo("#2a9d8f");
		assertThat(event.path("campaign").asString()).isEqualTo("Christmas 2026");
	}

	@Test
	void a_category_of_another_workspace_or_a_too_long_campaign_is_refused_naming_the_field() throws Exception {
		People.Person other = people.person("Oscar Other");
		WorkspaceSummary theirs = people.workspace(other, "Other brand");
		String theirToken = people.token(other);
		JsonNode their = ok(send(theirToken, post("/api/v1/workspaces/" + theirs.id() + "/categories"), "{\"name\":\"Secret\"}"));

		MockHttpServletResponse foreign = send(ownerToken, post(api("/posts")), "{\"targets\":[{\"connectionId\":\"" + mastodon.id()
				+ "\",\"text\":\"Hello\"}],\"publish\":\"draft\",\"categoryId\":\"" + their.path("id").asString() + "\"}");
		MockHttpServletResponse long_ = send(ownerToken, post(api("/posts")), "{\"targets\":[{\"connectionId\":\"" + mastodon.id()
				+ "\",\"text\":\"Hello\"}],\"publish\":\"draft\",\"campaign\":\"" + "c".repeat(101) + "\"}");

		assertThat(foreign.getStatus()).isEqualTo(422);
		assertThat(foreign.getContentAsString()).contains("\"field\":\"categoryId\"", "\"rule\":\"exists\"").doesNotContain("Secret");
		assertThat(long_.getStatus()).isEqualTo(422);
		assertThat(long_.getContentAsString()).contains("\"field\":\"campaign\"", "\"rule\":\"max-length\"");
	}

	@Test
	void renaming_keeps_the_posts_and_removing_leaves_them_without_a_category() throws Exception {
		UUID tips = UUID.fromString(create("Tips", null).path("id").asString());
		UUID post = scheduled("How to keep bread fresh", tips, null);

		JsonNode renamed = ok(send(ownerToken, put(api("/categories/" + tips)), "{\"name\":\"Baker's tips\"}"));
		assertThat(renamed.path("name").asString()).isEqualTo("Baker's tips");
		assertThat(calendar("category", tips.toString())).containsExactly("How to keep bread fresh");

		assertThat(send(ownerToken, delete(api("/categories/" + tips)), null).getStatus()).isEqualTo(204);
		assertThat(send(ownerToken, delete(api("/categories/" + tips)), null).getStatus()).isEqualTo(404);
		JsonNode saved = ok(send(ownerToken, get(api("/posts/" + post)), null));
		assertThat(saved.path("labels").path("categoryId").isNull() || saved.path("labels").path("categoryId").isMissingNode()).isTrue();
		assertThat(jdbc.sql("select count(*) from post where id = ?").param(post).query(Integer.class).single()).isEqualTo(1);
	}
}
