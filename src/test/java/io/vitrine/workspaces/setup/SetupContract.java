package io.vitrine.workspaces.setup;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.OneTimeSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first-start story. This context has its own database (its base URL differs from every other
 * test's), and each test empties the people tables first, as on a fresh install.
 */
@SpringBootTest(properties = { "vitrine.engine.enabled=false", "vitrine.base-url=http://vitrine.test:8080/" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
abstract class SetupContract {

	private static final Pattern LINK = Pattern
		.compile("Vitrine is ready\\. Create the owner account: http://vitrine\\.test:8080/setup\\?token=([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FirstStart firstStart;

	@Autowired
	Accounts accounts;

	@Autowired
	SetupTokens tokens;

	@Autowired
	CreateOwner createOwner;

	@BeforeEach
	void freshInstall() {
		for (String table : List.of("password_link", "login_failure", "api_token", "membership", "workspace", "setup_token",
				"app_user")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	@Test
	void first_start_prints_one_setup_link_that_opens_the_form(CapturedOutput output) throws Exception {
		List<String> links = start(output);
		assertThat(links).hasSize(1);
		mvc.perform(get("/setup").param("token", links.getFirst()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"workspaceName\"")))
			.andExpect(content().string(containsString("<option value=\"Europe/Paris\" selected=\"selected\">")));
	}

	@Test
	void stores_only_the_sha256_of_the_setup_secret(CapturedOutput output) {
		String secret = start(output).getFirst();
		assertThat(jdbc.sql("select token_hash from setup_token").query(String.class).list())
			.containsExactly(OneTimeSecret.sha256(secret));
	}

	@Test
	void the_setup_link_creates_the_owner_and_workspace_signs_in_and_works_only_once(CapturedOutput output)
			throws Exception {
		String secret = start(output).getFirst();
		MvcResult created = mvc.perform(setup(secret, "Owner@Example.com", "correct horse battery", "correct horse battery",
				"Acme", "America/Toronto"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).matches("/w/[0-9a-f-]{36}/posts");
		MockHttpSession session = (MockHttpSession) created.getRequest().getSession(false);
		mvc.perform(get("/api/v1/me").session(session)).andExpect(jsonPath("$.email").value("owner@example.com"));
		mvc.perform(get("/api/v1/workspaces").session(session))
			.andExpect(jsonPath("$[0].name").value("Acme"))
			.andExpect(jsonPath("$[0].timeZone").value("America/Toronto"))
			.andExpect(jsonPath("$[0].role").value("OWNER"));

		mvc.perform(get("/setup").param("token", secret))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This setup link is not valid")));
		mvc.perform(setup(secret, "second@example.com", "correct horse battery", "correct horse battery", "Other", "UTC"))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from setup_token where used_at is not null").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void a_restart_without_any_account_replaces_the_unused_link(CapturedOutput output) throws Exception {
		List<String> links = new java.util.ArrayList<>(start(output));
		links.addAll(start(output));
		assertThat(links).hasSize(2).doesNotHaveDuplicates();
		mvc.perform(get("/setup").param("token", links.get(0))).andExpect(status().isNotFound());
		mvc.perform(get("/setup").param("token", links.get(1))).andExpect(status().isOk());
	}

	@Test
	void a_restart_once_the_owner_exists_prints_no_link_and_voids_leftover_links(CapturedOutput output)
			throws Exception {
		String leftover = start(output).getFirst();
		createOwner.fromEnvironment("boss@example.com", "correct horse battery", "Acme", "UTC");
		assertThat(start(output)).isEmpty();
		mvc.perform(get("/setup").param("token", leftover)).andExpect(status().isNotFound());
	}

	@Test
	void bad_input_names_each_field_and_keeps_the_link_usable(CapturedOutput output) throws Exception {
		String secret = start(output).getFirst();
		mvc.perform(setup(secret, "not-an-email", "short", "different", "", "Mars/Olympus"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("Use at least 12 characters.")))
			.andExpect(content().string(containsString("The two passwords differ.")))
			.andExpect(content().string(containsString("id=\"workspaceName-error\"")))
			.andExpect(content().string(containsString("id=\"timeZone-error\"")));
		assertThat(accounts.anyExists()).isFalse();
		mvc.perform(get("/setup").param("token", secret)).andExpect(status().isOk());
	}

	@Test
	void an_unknown_setup_token_shows_a_clear_page() throws Exception {
		mvc.perform(get("/setup").param("token", "made-up").param("lang", "fr"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Ce lien d&#39;installation n&#39;est pas valide")));
		mvc.perform(get("/setup")).andExpect(status().isNotFound());
	}

	@Test
	void the_setup_form_needs_the_csrf_token(CapturedOutput output) throws Exception {
		String secret = start(output).getFirst();
		mvc.perform(post("/setup").param("token", secret)
			.param("email", "owner@example.com")
			.param("displayName", "Owner")
			.param("password", "correct horse battery")
			.param("passwordAgain", "correct horse battery")
			.param("workspaceName", "Acme")
			.param("timeZone", "UTC")).andExpect(status().isForbidden());
		assertThat(accounts.anyExists()).isFalse();
	}

	@Test
	void an_unattended_owner_with_a_too_short_password_stops_the_start_with_a_clear_message() {
		FirstStart start = new FirstStart(accounts, tokens, createOwner, "http://vitrine.test", "boss@example.com", "short",
				"Acme", "UTC");
		assertThatThrownBy(() -> start.run(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("VITRINE_OWNER_")
			.hasMessageContaining("password must be at least 12 characters");
		assertThat(accounts.anyExists()).isFalse();
	}

	/** Runs the start-up step and returns the setup links it printed (the capture also holds earlier output). */
	private List<String> start(CapturedOutput output) {
		int before = output.getOut().length();
		firstStart.run(null);
		return links(output.getOut().substring(before));
	}

	private static List<String> links(String output) {
		Matcher matcher = LINK.matcher(output);
		List<String> found = new java.util.ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static MockHttpServletRequestBuilder setup(String token, String email, String password, String again,
			String workspace, String zone) {
		return post("/setup").param("token", token)
			.param("email", email)
			.param("displayName", "Olga Owner")
			.param("password", password)
			.param("passwordAgain", again)
			.param("workspaceName", workspace)
			.param("timeZone", zone)
			.with(csrf());
	}
}
