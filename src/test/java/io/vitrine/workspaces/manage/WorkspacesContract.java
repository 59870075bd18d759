package io.vitrine.workspaces.manage;

import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebContract
abstract class WorkspacesContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	People people;

	@BeforeEach
	void setUp() {
		people = new People(context, mvc);
	}

	@Test
	void creates_a_workspace_whose_creator_is_owner_and_lists_only_mine() throws Exception {
		People.Person ann = people.person("Ann");
		String bearer = "Bearer " + people.token(ann);
		WorkspaceSummary foreign = people.workspace(people.person("Other"), "Foreign");
		mvc.perform(post("/api/v1/workspaces").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"  Bakery  \",\"timeZone\":\"America/Vancouver\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Bakery"))
			.andExpect(jsonPath("$.role").value("OWNER"));
		mvc.perform(get("/api/v1/workspaces").header("Authorization", bearer))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].timeZone").value("America/Vancouver"))
			.andExpect(content().string(not(containsString(foreign.id().toString()))));
	}

	@Test
	void names_the_field_and_rule_of_bad_workspace_input() throws Exception {
		String bearer = "Bearer " + people.token(people.person("Ben"));
		mvc.perform(post("/api/v1/workspaces").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"timeZone\":\"Europe/Atlantis\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"))
			.andExpect(jsonPath("$.errors[1].field").value("timeZone"))
			.andExpect(jsonPath("$.errors[1].rule").value("iana-zone"));
		mvc.perform(post("/api/v1/workspaces").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "x".repeat(201) + "\",\"timeZone\":\"UTC\"}"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-length"));
		mvc.perform(post("/api/v1/workspaces").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": 12, \"timeZone\": [1]}"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void owners_and_admins_rename_and_rezone_a_workspace_others_may_not() throws Exception {
		People.Person cleo = people.person("Cleo");
		WorkspaceSummary workspace = people.workspace(cleo, "Cafe");
		People.Person analyst = people.person("Andy");
		people.join(workspace, analyst, Role.ANALYST);
		mvc.perform(patch("/api/v1/workspaces/" + workspace.id()).header("Authorization", "Bearer " + people.token(cleo))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"timeZone\":\"Europe/London\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(workspace.name()))
			.andExpect(jsonPath("$.timeZone").value("Europe/London"));
		mvc.perform(patch("/api/v1/workspaces/" + workspace.id()).header("Authorization", "Bearer " + people.token(analyst))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Hijacked\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void home_opens_the_first_workspace_or_asks_to_create_one() throws Exception {
		People.Person dee = people.person("Dee");
		MockHttpSession session = people.signIn(dee);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/workspaces/new"));
		mvc.perform(post("/workspaces/new").session(session).with(csrf()).param("name", "Dee's shop").param("timeZone", "Europe/Paris"))
			.andExpect(redirectedUrlPattern("/w/*/posts"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrlPattern("/w/*/posts"));
	}

	@Test
	void the_new_workspace_form_shows_errors_next_to_the_fields() throws Exception {
		MockHttpSession session = people.signIn(people.person("Eli"));
		mvc.perform(post("/workspaces/new").session(session).with(csrf()).param("name", "").param("timeZone", "Nowhere"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<small id=\"name-error\">This field is required.</small>")))
			.andExpect(content().string(containsString("<small id=\"timeZone-error\">Choose a time zone from the list.</small>")));
	}

	@Test
	void the_settings_page_saves_for_an_admin_and_is_read_only_for_an_editor() throws Exception {
		People.Person fox = people.person("Fox");
		WorkspaceSummary workspace = people.workspace(fox, "Florist");
		People.Person ed = people.person("Ed");
		people.join(workspace, ed, Role.EDITOR);
		MockHttpSession owner = people.signIn(fox);
		mvc.perform(post("/w/" + workspace.id() + "/settings").session(owner)
			.with(csrf())
			.param("name", "Florist Paris")
			.param("timeZone", "Europe/Paris")).andExpect(redirectedUrl("/w/" + workspace.id() + "/settings"));
		MockHttpSession editor = people.signIn(ed);
		mvc.perform(get("/w/" + workspace.id() + "/settings").session(editor))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*<input id=\"name\"[^>]*value=\"Florist Paris\"[^>]*disabled.*")))
			.andExpect(content().string(containsString("Only owners and admins can change these settings.")));
		mvc.perform(post("/w/" + workspace.id() + "/settings").session(editor)
			.with(csrf())
			.param("name", "Taken over")
			.param("timeZone", "UTC")).andExpect(status().isForbidden());
	}

	@Test
	void the_layout_lists_my_workspaces_in_the_switcher_and_marks_the_current_section() throws Exception {
		People.Person gil = people.person("Gil");
		WorkspaceSummary mine = people.workspace(gil, "Gil's gym");
		WorkspaceSummary other = people.workspace(gil, "Gil's garage");
		WorkspaceSummary foreign = people.workspace(people.person("Stranger"), "Not Gil's");
		MockHttpSession session = people.signIn(gil);
		mvc.perform(get("/w/" + mine.id() + "/members").session(session))
			.andExpect(content().string(containsString("href=\"/w/" + other.id() + "/posts\"")))
			.andExpect(content().string(containsString("href=\"/w/" + mine.id() + "/members\" aria-current=\"page\"")))
			.andExpect(content().string(not(containsString(foreign.id().toString()))));
	}

	@Test
	void the_language_follows_the_lang_parameter_then_the_cookie_then_the_browser() throws Exception {
		mvc.perform(get("/login").header("Accept-Language", "fr-CA,fr;q=0.9"))
			.andExpect(content().string(containsString("<html lang=\"fr\">")));
		mvc.perform(get("/login").header("Accept-Language", "de-DE,de;q=0.9"))
			.andExpect(content().string(containsString("<html lang=\"en\">")));
		var cookie = mvc.perform(get("/login").param("lang", "fr").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Connexion")))
			.andReturn().getResponse().getCookie("vitrine-lang");
		mvc.perform(get("/login").cookie(cookie).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Se connecter")));
		mvc.perform(get("/login").param("lang", "xx").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("<html lang=\"en\">")));
	}
}
