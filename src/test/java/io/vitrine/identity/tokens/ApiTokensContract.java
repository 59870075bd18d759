package io.vitrine.identity.tokens;

import io.vitrine.identity.OneTimeSecret;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebContract
abstract class ApiTokensContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	People people;

	@BeforeEach
	void setUp() {
		people = new People(context, mvc);
	}

	@Test
	void creates_a_token_shown_once_and_stores_only_its_sha256() throws Exception {
		People.Person alice = people.person("Alice");
		String bearer = "Bearer " + people.token(alice);
		JsonNode issued = json.readTree(mvc.perform(post("/api/v1/tokens").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"CI script\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		String token = issued.get("token").asString();
		assertThat(token).matches("vt_[A-Za-z0-9_-]{43}");
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(OneTimeSecret.sha256(token))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or name = ?").params(token, token)
			.query(Long.class).single()).isZero();
		mvc.perform(get("/api/v1/tokens").header("Authorization", bearer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CI script")))
			.andExpect(content().string(not(containsString(token))))
			.andExpect(jsonPath("$[0].createdAt").exists());
	}

	@Test
	void a_valid_token_authenticates_without_creating_a_session() throws Exception {
		People.Person bob = people.person("Bob");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + people.token(bob)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(bob.email()))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(result -> assertThat(result.getRequest().getSession(false)).isNull());
	}

	@Test
	void a_token_records_when_it_was_last_used() throws Exception {
		People.Person bo = people.person("Bo");
		String token = people.token(bo);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? and last_used_at is not null")
			.param(OneTimeSecret.sha256(token)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_revoked_token_is_refused_with_401_problem_json() throws Exception {
		People.Person carol = people.person("Carol");
		String token = people.token(carol);
		String bearer = "Bearer " + token;
		String id = json.readTree(mvc.perform(get("/api/v1/tokens").header("Authorization", bearer))
			.andReturn().getResponse().getContentAsString()).get(0).get("id").asString();
		String other = "Bearer " + people.token(carol);
		mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", other)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", bearer))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", "Bearer"));
		mvc.perform(get("/api/v1/me").header("Authorization", other)).andExpect(status().isOk());
	}

	@Test
	void a_missing_or_unknown_token_gets_401_problem_json_not_a_redirect() throws Exception {
		mvc.perform(get("/api/v1/workspaces"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/v1/workspaces").header("Authorization", "Bearer vt_" + "x".repeat(43)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("the API token is unknown or revoked"));
		mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void a_bad_token_is_refused_even_when_the_browser_also_has_a_session() throws Exception {
		MockHttpSession session = people.signIn(people.person("Dora"));
		mvc.perform(post("/api/v1/tokens").session(session)
			.header("Authorization", "Bearer vt_forged")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"sneaky\"}")).andExpect(status().isUnauthorized());
	}

	@Test
	void nobody_can_revoke_or_see_someone_elses_token() throws Exception {
		People.Person erin = people.person("Erin");
		People.Person finn = people.person("Finn");
		String erinsToken = people.token(erin);
		String erinsId = json.readTree(mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + erinsToken))
			.andReturn().getResponse().getContentAsString()).get(0).get("id").asString();
		String finns = "Bearer " + people.token(finn);
		mvc.perform(delete("/api/v1/tokens/" + erinsId).header("Authorization", finns)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/tokens").header("Authorization", finns)).andExpect(content().string(not(containsString(erinsId))));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + erinsToken)).andExpect(status().isOk());
	}

	@Test
	void a_token_name_is_required_and_named_in_the_error() throws Exception {
		String bearer = "Bearer " + people.token(people.person("Gus"));
		mvc.perform(post("/api/v1/tokens").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
		mvc.perform(post("/api/v1/tokens").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "n".repeat(101) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].rule").value("max-length"));
	}

	@Test
	void the_ui_calls_the_api_with_its_session_and_the_csrf_token_from_the_page_meta_tag() throws Exception {
		MockHttpSession session = people.signIn(people.person("Hana"));
		String page = mvc.perform(get("/account/tokens").session(session)).andReturn().getResponse().getContentAsString();
		Matcher meta = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
		assertThat(meta.find()).as("csrf meta tag").isTrue();
		mvc.perform(post("/api/v1/tokens").session(session).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ui\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/tokens").session(session)
			.header("X-CSRF-TOKEN", meta.group(1))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"ui\"}")).andExpect(status().isCreated());
	}

	@Test
	void the_tokens_page_shows_a_new_token_once_and_revokes_it() throws Exception {
		People.Person ivy = people.person("Ivy");
		MockHttpSession session = people.signIn(ivy);
		String page = mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "Zapier"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Matcher secret = Pattern.compile("value=\"(vt_[A-Za-z0-9_-]{43})\"").matcher(page);
		assertThat(secret.find()).as("token shown on the page").isTrue();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret.group(1))).andExpect(status().isOk());
		String list = mvc.perform(get("/account/tokens").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Zapier").doesNotContain(secret.group(1));
		Matcher revoke = Pattern.compile("action=\"/account/tokens/([0-9a-f-]{36})/revoke\"").matcher(list);
		assertThat(revoke.find()).isTrue();
		mvc.perform(post("/account/tokens/" + revoke.group(1) + "/revoke").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret.group(1))).andExpect(status().isUnauthorized());
		mvc.perform(post("/account/tokens/" + UUID.randomUUID() + "/revoke").session(session).with(csrf()))
			.andExpect(status().isNotFound());
	}
}
