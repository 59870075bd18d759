package io.vitrine.publishing.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** A composer form or an API request sent twice — a double click, a retry after a lost answer — makes one post. */
@WebContract
abstract class SentOnceContract {

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

	private WorkspaceSummary workspace;

	private MockHttpSession browser;

	private String token;

	private ConnectionView mastodon;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(Instant.parse("2026-11-22T08:00:00Z"));
		People people = new People(context, mvc);
		People.Person owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Bakery");
		browser = people.signIn(owner);
		token = people.token(owner);
		mastodon = TestAccounts.mastodon(connections, workspace.id(), "@olga@bakery.example");
	}

	private int posts() {
		return jdbc.sql("select count(*) from post where workspace_id = ?").param(workspace.id()).query(Integer.class).single();
	}

	private MockHttpServletResponse sendForm(String key, String action) throws Exception {
		return mvc.perform(multipart("/w/" + workspace.id() + action).session(browser).with(csrf())
				.param("submissionKey", key)
				.param("accounts", mastodon.id().toString())
				.param("text", "Croissants at seven")
				.param("publish", "schedule").param("scheduledAt", "2026-12-10T09:00").param("timeZone", "Europe/Paris"))
			.andReturn().getResponse();
	}

	@Test
	void the_composer_carries_a_one_time_key_and_the_same_form_sent_twice_makes_one_post() throws Exception {
		String page = mvc.perform(get("/w/" + workspace.id() + "/compose").session(browser)).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
		assertThat(key.find()).as("the composer's one-time key").isTrue();

		MockHttpServletResponse first = sendForm(key.group(1), "/compose");
		MockHttpServletResponse again = sendForm(key.group(1), "/compose");

		assertThat(first.getRedirectedUrl()).isEqualTo("/w/" + workspace.id() + "/posts");
		assertThat(again.getRedirectedUrl()).isEqualTo("/w/" + workspace.id() + "/posts");
		assertThat(posts()).isEqualTo(1);
		assertThat(sendForm(UUID.randomUUID().toString(), "/compose").getRedirectedUrl()).as("a new form is a new post").isNotNull();
		assertThat(posts()).isEqualTo(2);
	}

	@Test
	void two_copies_of_the_same_form_at_the_same_moment_make_one_post() throws Exception {
		String key = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Callable<MockHttpServletResponse> send = () -> sendForm(key, "/compose");
				sent.add(pool.submit(send));
			}
			for (Future<MockHttpServletResponse> answer : sent) {
				assertThat(answer.get().getStatus()).as("never an error page").isEqualTo(302);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(posts()).isEqualTo(1);
	}

	@Test
	void add_to_queue_sent_twice_queues_one_post() throws Exception {
		assertThat(mvc.perform(put("/api/v1/workspaces/" + workspace.id() + "/queue/accounts/" + mastodon.id())
			.header("Authorization", "Bearer " + token).contentType("application/json")
			.content("{\"slots\":[{\"day\":\"TUESDAY\",\"time\":\"10:00\"}],\"dailyCap\":null}")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		String key = UUID.randomUUID().toString();

		sendForm(key, "/queue/add");
		MockHttpServletResponse again = sendForm(key, "/queue/add");

		assertThat(again.getRedirectedUrl()).isEqualTo("/w/" + workspace.id() + "/queue");
		assertThat(posts()).isEqualTo(1);
	}

	@Test
	void the_api_answers_the_first_post_again_for_the_same_idempotency_key() throws Exception {
		String body = "{\"targets\":[{\"connectionId\":\"" + mastodon.id() + "\",\"text\":\"Galettes\"}],\"publish\":\"draft\"}";
		MockHttpServletResponse first = mvc.perform(post("/api/v1/workspaces/" + workspace.id() + "/posts")
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", "order-42").contentType("application/json")
			.content(body)).andReturn().getResponse();
		MockHttpServletResponse again = mvc.perform(post("/api/v1/workspaces/" + workspace.id() + "/posts")
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", "order-42").contentType("application/json")
			.content(body)).andReturn().getResponse();

		ObjectMapper json = new ObjectMapper();
		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(json.readTree(again.getContentAsString()).path("id").asString())
			.isEqualTo(json.readTree(first.getContentAsString()).path("id").asString());
		assertThat(posts()).isEqualTo(1);
	}
}
