package io.vitrine.networks.mastodon;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.Connections;
import io.vitrine.networks.web.TestMembers;
import io.vitrine.shared.Ids;
import io.vitrine.testsupport.OnH2;
import io.vitrine.workspaces.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With the operator's default (private addresses refused), an instance URL on loopback is refused before any request. */
@SpringBootTest(properties = { "vitrine.engine.enabled=false", "vitrine.outbound.allow-private-addresses=false" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestMembers.class)
class GuardedConnectTest implements OnH2 {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestMembers members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Connections connections;

	private final MastodonContractServer server = new MastodonContractServer();

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void an_instance_address_on_a_private_network_is_not_allowed() throws Exception {
		UUID workspace = Ids.next();
		jdbc.sql("insert into workspace (id, name, time_zone, created_at) values (?, 'Brand', 'UTC', ?)")
			.params(workspace, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		CurrentUser owner = members.user("owner");
		members.join(owner, workspace, Role.OWNER);

		mvc.perform(post("/api/v1/workspaces/" + workspace + "/connections/mastodon").with(user(owner.id().toString()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"instanceUrl\":\"" + server.url() + "\",\"accessToken\":\"" + server.issueToken() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("instanceUrl"))
			.andExpect(jsonPath("$.errors[0].rule").value("address-not-allowed"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("this address is not allowed")));

		assertThat(server.requests()).isEmpty();
		assertThat(connections.list(workspace)).isEmpty();
	}
}
