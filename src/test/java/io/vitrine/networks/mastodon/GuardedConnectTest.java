package io.vitrine.networks.mastodon;

import io.vitrine.networks.Connections;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With the operator's default (private addresses refused), an instance URL on loopback is refused before any request. */
@WebContract
@TestPropertySource(properties = "vitrine.outbound.allow-private-addresses=false")
class GuardedConnectTest implements OnH2 {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Connections connections;

	private final MastodonContractServer server = new MastodonContractServer();

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void an_instance_address_on_a_private_network_is_not_allowed() throws Exception {
		People people = new People(context, mvc);
		People.Person owner = people.person("Olga Owner");
		WorkspaceSummary workspace = people.workspace(owner, "Brand");

		mvc.perform(post("/api/v1/workspaces/" + workspace.id() + "/connections/mastodon")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + people.token(owner))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\",\"accessToken\":\"" + server.issueToken() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("instanceUrl"))
			.andExpect(jsonPath("$.errors[0].rule").value("address-not-allowed"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("this address is not allowed")));
		MockHttpSession browser = people.signIn(owner);
		mvc.perform(post("/w/" + workspace.id() + "/connections/mastodon/authorize").session(browser)
			.with(csrf())
			.param("instanceUrl", server.url()))
			.andExpect(redirectedUrl("/w/" + workspace.id() + "/connections"))
			.andExpect(flash().attribute("errorRule", "address-not-allowed"));

		assertThat(server.requests()).isEmpty();
		assertThat(connections.list(workspace.id())).isEmpty();
	}
}
