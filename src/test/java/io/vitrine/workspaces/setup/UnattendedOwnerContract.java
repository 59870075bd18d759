package io.vitrine.workspaces.setup;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@SpringBootTest(properties = { "vitrine.engine.enabled=false", "vitrine.owner.email=Boss@Example.com",
		"vitrine.owner.password=an unattended password", "vitrine.owner.workspace=Acme Corp",
		"vitrine.owner.time-zone=America/New_York" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class UnattendedOwnerContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FirstStart firstStart;

	@Test
	void creates_the_owner_and_workspace_at_start_and_issues_no_setup_link() throws Exception {
		assertThat(jdbc.sql("select count(*) from setup_token").query(Long.class).single()).isZero();
		MvcResult signedIn = mvc.perform(post("/login").param("email", "boss@example.com")
			.param("password", "an unattended password")
			.with(csrf())).andExpect(redirectedUrl("/")).andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		mvc.perform(get("/api/v1/workspaces").session(session))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].name").value("Acme Corp"))
			.andExpect(jsonPath("$[0].timeZone").value("America/New_York"))
			.andExpect(jsonPath("$[0].role").value("OWNER"));
	}

	@Test
	void a_restart_does_not_create_the_owner_twice() {
		firstStart.run(null);
		assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from workspace").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from setup_token").query(Long.class).single()).isZero();
	}
}
