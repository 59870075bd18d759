package io.vitrine.workspaces.members;

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
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebContract
abstract class MembershipContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	People people;

	People.Person owner;

	String ownerToken;

	WorkspaceSummary workspace;

	@BeforeEach
	void setUp() {
		people = new People(context, mvc);
		owner = people.person("Olga");
		ownerToken = people.token(owner);
		workspace = people.workspace(owner, "Brand");
	}

	@Test
	void adds_an_existing_person_by_email_without_a_password_link() throws Exception {
		People.Person ada = people.person("Ada");
		add(ownerToken, ada.email().toUpperCase(), "ANALYST").andExpect(status().isCreated())
			.andExpect(jsonPath("$.member.userId").value(ada.id().toString()))
			.andExpect(jsonPath("$.member.role").value("ANALYST"))
			.andExpect(jsonPath("$.passwordLink").doesNotExist());
		mvc.perform(get("/api/v1/workspaces").header("Authorization", "Bearer " + people.token(ada)))
			.andExpect(jsonPath("$[0].id").value(workspace.id().toString()))
			.andExpect(jsonPath("$[0].role").value("ANALYST"));
	}

	@Test
	void adds_a_new_person_whose_one_time_link_sets_their_password_once() throws Exception {
		String email = "newcomer-" + UUID.randomUUID() + "@example.com";
		String link = json.readTree(add(ownerToken, email, "editor").andExpect(status().isCreated())
			.andExpect(jsonPath("$.member.displayName").value(email.substring(0, email.indexOf('@'))))
			.andReturn().getResponse().getContentAsString()).get("passwordLink").asString();
		assertThat(link).startsWith("http://localhost:8080/password?token=");
		String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString(email)));
		mvc.perform(post(path).with(csrf()).param("password", "short").param("passwordAgain", "short"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post(path).with(csrf()).param("password", "my own new password").param("passwordAgain", "my own new password"))
			.andExpect(redirectedUrl("/login?passwordSet"));
		mvc.perform(post("/login").param("email", email).param("password", "my own new password").with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get(path)).andExpect(status().isNotFound());
		mvc.perform(post(path).with(csrf()).param("password", "someone else's password").param("passwordAgain",
				"someone else's password")).andExpect(status().isNotFound());
	}

	@Test
	void a_new_person_cannot_sign_in_before_using_their_link() throws Exception {
		String email = "waiting-" + UUID.randomUUID() + "@example.com";
		add(ownerToken, email, "EDITOR").andExpect(status().isCreated());
		mvc.perform(post("/login").param("email", email).param("password", "").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void refuses_to_add_someone_twice_or_with_an_unknown_role_naming_the_field() throws Exception {
		People.Person bea = people.person("Bea");
		add(ownerToken, bea.email(), "EDITOR").andExpect(status().isCreated());
		add(ownerToken, bea.email(), "EDITOR").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[0].rule").value("already-member"));
		add(ownerToken, "someone@example.com", "boss").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].rule").value("one-of"));
		add(ownerToken, "not an email", "EDITOR").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[0].rule").value("email"));
	}

	@Test
	void the_last_owner_can_be_neither_demoted_nor_removed() throws Exception {
		changeRole(ownerToken, owner.id(), "ADMIN").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].rule").value("last-owner"));
		remove(ownerToken, owner.id()).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].rule").value("last-owner"));
		mvc.perform(get("/api/v1/workspaces/" + workspace.id()).header("Authorization", "Bearer " + ownerToken))
			.andExpect(jsonPath("$.role").value("OWNER"));
	}

	@Test
	void an_owner_may_step_down_once_another_owner_exists() throws Exception {
		People.Person co = people.person("Co");
		people.join(workspace, co, Role.OWNER);
		changeRole(ownerToken, owner.id(), "EDITOR").andExpect(status().isOk()).andExpect(jsonPath("$.role").value("EDITOR"));
		changeRole(people.token(co), co.id(), "ADMIN").andExpect(status().isUnprocessableContent());
		remove(people.token(co), owner.id()).andExpect(status().isNoContent());
	}

	@Test
	void an_admin_manages_members_but_cannot_touch_owners() throws Exception {
		People.Person admin = people.person("Adam");
		people.join(workspace, admin, Role.ADMIN);
		String adminToken = people.token(admin);
		People.Person eve = people.person("Eve");
		add(adminToken, eve.email(), "CONTRIBUTOR").andExpect(status().isCreated());
		changeRole(adminToken, eve.id(), "EDITOR").andExpect(status().isOk());
		add(adminToken, people.person("Oscar").email(), "OWNER").andExpect(status().isForbidden());
		changeRole(adminToken, eve.id(), "OWNER").andExpect(status().isForbidden());
		changeRole(adminToken, owner.id(), "ANALYST").andExpect(status().isForbidden());
		remove(adminToken, owner.id()).andExpect(status().isForbidden());
		remove(adminToken, eve.id()).andExpect(status().isNoContent());
	}

	@Test
	void an_editor_sees_the_members_but_cannot_change_them() throws Exception {
		People.Person ed = people.person("Ed");
		people.join(workspace, ed, Role.EDITOR);
		String edToken = people.token(ed);
		mvc.perform(get("/api/v1/workspaces/" + workspace.id() + "/members").header("Authorization", "Bearer " + edToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		add(edToken, people.person("Fred").email(), "ANALYST").andExpect(status().isForbidden());
		changeRole(edToken, ed.id(), "ADMIN").andExpect(status().isForbidden());
		remove(edToken, owner.id()).andExpect(status().isForbidden());
	}

	@Test
	void changing_or_removing_someone_who_is_not_a_member_is_not_found() throws Exception {
		People.Person stranger = people.person("Stranger");
		changeRole(ownerToken, stranger.id(), "EDITOR").andExpect(status().isNotFound());
		remove(ownerToken, stranger.id()).andExpect(status().isNotFound());
	}

	@Test
	void the_members_page_adds_a_person_and_shows_their_password_link_once() throws Exception {
		MockHttpSession session = people.signIn(owner);
		String email = "page-" + UUID.randomUUID() + "@example.com";
		String page = mvc.perform(post("/w/" + workspace.id() + "/members").session(session)
			.with(csrf())
			.param("email", email)
			.param("displayName", "Paige")
			.param("role", "CLIENT_REVIEWER")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher link = Pattern.compile("value=\"(http://localhost:8080/password\\?token=[A-Za-z0-9_-]{43})\"").matcher(page);
		assertThat(link.find()).as("password link on the page").isTrue();
		assertThat(page).contains("Paige");
		String again = mvc.perform(get("/w/" + workspace.id() + "/members").session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("Paige").doesNotContain(link.group(1));
	}

	@Test
	void the_members_page_explains_why_the_last_owner_stays() throws Exception {
		MockHttpSession session = people.signIn(owner);
		mvc.perform(post("/w/" + workspace.id() + "/members/" + owner.id() + "/remove").session(session).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The workspace must keep at least one owner.")));
		mvc.perform(post("/w/" + workspace.id() + "/members/" + owner.id() + "/role").session(session)
			.with(csrf())
			.param("role", "ANALYST")
			.param("lang", "fr"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("au moins un propriétaire")));
	}

	private ResultActions add(String token, String email, String role) throws Exception {
		return mvc.perform(post("/api/v1/workspaces/" + workspace.id() + "/members").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("email", email, "role", role))));
	}

	private ResultActions changeRole(String token, UUID userId, String role) throws Exception {
		return mvc.perform(patch("/api/v1/workspaces/" + workspace.id() + "/members/" + userId)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"" + role + "\"}"));
	}

	private ResultActions remove(String token, UUID userId) throws Exception {
		return mvc.perform(delete("/api/v1/workspaces/" + workspace.id() + "/members/" + userId)
			.header("Authorization", "Bearer " + token));
	}
}
