package io.vitrine.snippets.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Hashtag groups and caption templates through the REST API, and used in the composer. */
@WebContract
abstract class SnippetsContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	private final ObjectMapper json = new ObjectMapper();

	private People people;

	private WorkspaceSummary workspace;

	private String token;

	private MockHttpSession browser;

	private ConnectionView mastodon;

	@BeforeEach
	void setUp() throws Exception {
		people = new People(context, mvc);
		People.Person owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Bakery");
		token = people.token(owner);
		browser = people.signIn(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
	}

	private MockHttpServletResponse send(String as, MockHttpServletRequestBuilder request, String body) throws Exception {
		if (body != null) {
			request.contentType("application/json").content(body);
		}
		return mvc.perform(request.header("Authorization", "Bearer " + as)).andReturn().getResponse();
	}

	private JsonNode ok(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
		return json.readTree(response.getContentAsString());
	}

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	@Test
	void a_hashtag_group_holds_only_hashtags_as_x_reads_them_and_names_are_unique_whatever_their_case() throws Exception {
		JsonNode group = ok(send(token, post(api("/hashtag-groups")), "{\"name\":\"Bakery\",\"body\":\"#bread  #Sourdough\\n#paris\"}"));
		assertThat(group.path("body").asString()).isEqualTo("#bread #Sourdough #paris");

		MockHttpServletResponse prose = send(token, post(api("/hashtag-groups")), "{\"name\":\"Words\",\"body\":\"#bread and butter\"}");
		MockHttpServletResponse twice = send(token, post(api("/hashtag-groups")), "{\"name\":\"BAKERY\",\"body\":\"#cake\"}");
		assertThat(prose.getStatus()).isEqualTo(422);
		assertThat(prose.getContentAsString()).contains("\"field\":\"body\"", "\"rule\":\"hashtags\"");
		assertThat(twice.getStatus()).isEqualTo(422);
		assertThat(twice.getContentAsString()).contains("\"field\":\"name\"", "\"rule\":\"unique\"");
		assertThat(ok(send(token, get(api("/hashtag-groups")), null))).hasSize(1);
	}

	@Test
	void a_template_names_its_variables_and_fills_them_refusing_missing_or_unknown_values() throws Exception {
		JsonNode template = ok(send(token, post(api("/templates")),
				"{\"name\":\"Launch\",\"body\":\"New: {{product}} at {{ price }}! {{product}} all week.\"}"));
		assertThat(template.path("variables").valueStream().map(JsonNode::asString).toList()).containsExactly("product", "price");
		String id = template.path("id").asString();

		JsonNode filled = ok(send(token, post(api("/templates/" + id + "/fill")), "{\"values\":{\"product\":\"stollen\",\"price\":\"12 €\"}}"));
		assertThat(filled.path("text").asString()).isEqualTo("New: stollen at 12 €! stollen all week.");

		MockHttpServletResponse missing = send(token, post(api("/templates/" + id + "/fill")), "{\"values\":{\"product\":\"stollen\",\"colour\":\"red\"}}");
		assertThat(missing.getStatus()).isEqualTo(422);
		assertThat(missing.getContentAsString()).contains("\"field\":\"values.price\"", "\"rule\":\"required\"",
				"\"field\":\"values.colour\"", "\"rule\":\"unknown\"");
		MockHttpServletResponse broken = send(token, post(api("/templates")), "{\"name\":\"Broken\",\"body\":\"New {{product at 3\"}");
		assertThat(broken.getContentAsString()).contains("\"field\":\"body\"", "\"rule\":\"variables\"");
	}

	@Test
	void a_contributor_uses_them_but_cannot_change_them() throws Exception {
		String id = ok(send(token, post(api("/hashtag-groups")), "{\"name\":\"Bakery\",\"body\":\"#bread\"}")).path("id").asString();
		People.Person carl = people.person("Carl Contributor");
		people.join(workspace, carl, Role.CONTRIBUTOR);
		String carlToken = people.token(carl);

		assertThat(ok(send(carlToken, get(api("/hashtag-groups")), null))).hasSize(1);
		assertThat(send(carlToken, post(api("/hashtag-groups")), "{\"name\":\"Mine\",\"body\":\"#me\"}").getStatus()).isEqualTo(403);
		assertThat(send(carlToken, delete(api("/hashtag-groups/" + id)), null).getStatus()).isEqualTo(403);
		assertThat(send(token, delete(api("/hashtag-groups/" + id)), null).getStatus()).isEqualTo(204);
		assertThat(send(token, delete(api("/templates/" + id)), null).getStatus()).as("a group is not a template").isEqualTo(404);
	}

	@Test
	void the_composer_adds_a_group_after_the_text_and_fills_a_template_once_its_values_are_given() throws Exception {
		String group = ok(send(token, post(api("/hashtag-groups")), "{\"name\":\"Bakery\",\"body\":\"#bread #paris\"}")).path("id").asString();
		String template = ok(send(token, post(api("/templates")), "{\"name\":\"Launch\",\"body\":\"New: {{product}}!\"}")).path("id").asString();
		String compose = "/w/" + workspace.id() + "/compose";

		String withTags = mvc.perform(multipart(compose + "/hashtags").session(browser).with(csrf())
				.param("accounts", mastodon.id().toString()).param("text", "Fresh #bread today").param("groupId", group))
			.andReturn().getResponse().getContentAsString();
		assertThat(withTags).contains("Fresh #bread today\n\n#paris</textarea>");

		String asking = mvc.perform(multipart(compose + "/template").session(browser).with(csrf()).param("templateId", template))
			.andReturn().getResponse().getContentAsString();
		assertThat(asking).contains("name=\"templateValues[product]\"");

		String filled = mvc.perform(multipart(compose + "/template").session(browser).with(csrf()).param("templateId", template)
				.param("templateValues[product]", "stollen")).andReturn().getResponse().getContentAsString();
		assertThat(filled).contains(">New: stollen!</textarea>").doesNotContain("name=\"templateValues[product]\"");
	}
}
