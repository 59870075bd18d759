package io.vitrine.approvals.web;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.SettableClock;
import io.vitrine.testsupport.WebContract;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The approval workflow through its REST API and pages, with the real security chain: a contributor
 * writes, an editor decides, a client decides through a review link, and nothing that needs approval
 * can be scheduled without it.
 */
@WebContract
abstract class ApprovalsContract {

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

	private WorkspaceSummary workspace;

	private People.Person owner;

	private People.Person eve;

	private People.Person cora;

	private People.Person ed;

	private String ownerToken;

	private String eveToken;

	private String coraToken;

	private String edToken;

	private ConnectionView account;

	@BeforeEach
	void setUp() {
		clock.set(Instant.parse("2026-11-22T08:00:00Z"));
		People people = new People(context, mvc);
		owner = people.person("Olga Owner");
		workspace = people.workspace(owner, "Agency");
		eve = people.person("Eve Editor");
		people.join(workspace, eve, Role.EDITOR);
		ed = people.person("Ed Editor");
		people.join(workspace, ed, Role.EDITOR);
		cora = people.person("Cora Contributor");
		people.join(workspace, cora, Role.CONTRIBUTOR);
		ownerToken = people.token(owner);
		eveToken = people.token(eve);
		coraToken = people.token(cora);
		edToken = people.token(ed);
		account = TestAccounts.mastodon(connections, workspace.id(), "@brand@agency.example");
	}

	// --- helpers ---

	private String api(String path) {
		return "/api/v1/workspaces/" + workspace.id() + path;
	}

	private MockHttpServletResponse call(String token, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	private MockHttpServletResponse send(String token, MockHttpServletRequestBuilder request, String body) throws Exception {
		return call(token, request.contentType("application/json").content(body));
	}

	private JsonNode read(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString());
	}

	private JsonNode ok(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 201);
		return read(response);
	}

	private void workflow(String body) throws Exception {
		ok(send(ownerToken, put(api("/approvals/workflow")), body));
	}

	/** Editor step (Eve, any of), then a client step through a review link. */
	private void editorThenClient() throws Exception {
		workflow("{\"appliesTo\":\"contributors\",\"steps\":[{\"name\":\"Editor\",\"rule\":\"any\",\"people\":[\"" + eve.id()
				+ "\"]},{\"name\":\"Client\",\"rule\":\"any\",\"people\":[],\"externalReviewer\":true}]}");
	}

	private UUID draft(String token, String text) throws Exception {
		return UUID.fromString(ok(send(token, post(api("/posts")), "{\"targets\":[{\"connectionId\":\"" + account.id()
				+ "\",\"text\":\"" + text + "\"}],\"publish\":\"draft\"}")).path("id").asString());
	}

	private UUID firstTarget(UUID postId) throws Exception {
		return UUID.fromString(ok(call(ownerToken, get(api("/posts/" + postId)))).path("targets").get(0).path("id").asString());
	}

	private JsonNode approval(UUID postId) throws Exception {
		return ok(call(ownerToken, get(api("/posts/" + postId + "/approval"))));
	}

	private MockHttpServletResponse decide(String token, UUID postId, String decision, String comment) throws Exception {
		return send(token, post(api("/posts/" + postId + "/approval/decisions")),
				"{\"decision\":\"" + decision + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
	}

	private MockHttpServletResponse schedule(UUID postId) throws Exception {
		return send(ownerToken, post(api("/posts/" + postId + "/schedule")), "{\"scheduledAt\":\"2026-12-01T09:00\",\"timeZone\":\"Europe/Paris\"}");
	}

	private String reviewToken(String token, UUID postId) throws Exception {
		JsonNode link = ok(send(token, post(api("/posts/" + postId + "/review-links")), "{}"));
		String url = link.path("url").asString();
		assertThat(url).contains("/review/vr_");
		return url.substring(url.indexOf("/review/") + "/review/".length());
	}

	private MockHttpServletResponse clientDecides(String reviewToken, String decision, String comment) throws Exception {
		return mvc.perform(post("/api/v1/review/" + reviewToken + "/decision").contentType("application/json")
			.content("{\"name\":\"Clara Client\",\"decision\":\"" + decision + "\",\"comment\":\"" + comment + "\"}"))
			.andReturn().getResponse();
	}

	private String state(UUID postId) throws Exception {
		return ok(call(ownerToken, get(api("/posts/" + postId)))).path("targets").get(0).path("state").asString();
	}

	private boolean held(UUID postId) {
		return jdbc.sql("select count(*) from post_target where post_id = ? and awaiting_approval").param(postId).query(Long.class)
			.single() > 0;
	}

	// --- the workflow ---

	@Test
	void without_a_workflow_a_contributors_draft_needs_no_approval() throws Exception {
		UUID postId = draft(coraToken, "Free as a bird");
		assertThat(approval(postId).path("status").asString()).isEqualTo("not-required");
		assertThat(held(postId)).isFalse();
		assertThat(schedule(postId).getStatus()).isEqualTo(200);
	}

	@Test
	void the_workflow_reads_back_as_saved_and_only_owners_and_admins_change_it() throws Exception {
		editorThenClient();
		JsonNode saved = ok(call(coraToken, get(api("/approvals/workflow"))));
		assertThat(saved.path("appliesTo").asString()).isEqualTo("contributors");
		assertThat(saved.path("steps")).hasSize(2);
		assertThat(saved.path("steps").get(0).path("peopleNames").get(0).asString()).isEqualTo("Eve Editor");
		assertThat(saved.path("steps").get(1).path("externalReviewer").asBoolean()).isTrue();
		assertThat(send(eveToken, put(api("/approvals/workflow")), "{\"steps\":[]}").getStatus()).isEqualTo(403);
	}

	@Test
	void a_workflow_with_a_stranger_or_an_empty_step_is_refused_naming_the_field() throws Exception {
		MockHttpServletResponse stranger = send(ownerToken, put(api("/approvals/workflow")),
				"{\"steps\":[{\"name\":\"Editor\",\"rule\":\"any\",\"people\":[\"" + UUID.randomUUID() + "\"]}]}");
		assertThat(stranger.getStatus()).isEqualTo(422);
		assertThat(stranger.getContentAsString()).contains("\"field\":\"steps[0].people\"", "\"rule\":\"member\"");
		MockHttpServletResponse empty = send(ownerToken, put(api("/approvals/workflow")),
				"{\"appliesTo\":\"nobody\",\"steps\":[{\"name\":\"\",\"rule\":\"most\",\"people\":[]}]}");
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(empty.getContentAsString()).contains("\"field\":\"appliesTo\"", "\"field\":\"steps[0].name\"",
				"\"field\":\"steps[0].rule\"", "\"field\":\"steps[0].people\"");
	}

	// --- the whole path ---

	@Test
	void a_contributors_post_goes_through_the_editor_then_the_client_and_only_then_can_be_scheduled() throws Exception {
		editorThenClient();
		UUID postId = draft(coraToken, "Our new shop opens");
		JsonNode pending = approval(postId);
		assertThat(pending.path("status").asString()).isEqualTo("pending");
		assertThat(pending.path("step").asInt()).isEqualTo(1);
		assertThat(pending.path("waitingFor").get(0).asString()).isEqualTo("Eve Editor");
		assertThat(held(postId)).isTrue();

		JsonNode waiting = ok(call(eveToken, get(api("/approvals/waiting"))));
		assertThat(waiting).anyMatch(w -> w.path("postId").asString().equals(postId.toString())
				&& w.path("author").asString().equals("Cora Contributor") && w.path("preview").asString().equals("Our new shop opens"));
		assertThat(ok(call(edToken, get(api("/approvals/waiting"))))).isEmpty();

		assertThat(schedule(postId).getContentAsString()).contains("\"field\":\"postId\"", "\"rule\":\"approved\"");
		assertThat(call(ownerToken, post(api("/posts/" + postId + "/publish-now"))).getStatus()).isEqualTo(422);
		assertThat(decide(edToken, postId, "approve", null).getStatus()).as("Ed is not in the editor step").isEqualTo(403);

		JsonNode afterEditor = ok(decide(eveToken, postId, "approve", "Looks good"));
		assertThat(afterEditor.path("status").asString()).isEqualTo("pending");
		assertThat(afterEditor.path("step").asInt()).isEqualTo(2);
		assertThat(afterEditor.path("waitingForClient").asBoolean()).isTrue();
		assertThat(decide(eveToken, postId, "approve", null).getStatus()).as("decided already").isEqualTo(403);

		String token = reviewToken(eveToken, postId);
		MockHttpServletResponse seen = mvc.perform(get("/api/v1/review/" + token)).andReturn().getResponse();
		assertThat(seen.getStatus()).isEqualTo(200);
		assertThat(read(seen).path("variants").get(0).path("text").asString()).isEqualTo("Our new shop opens");
		assertThat(read(seen).path("variants").get(0).path("account").asString()).isEqualTo("@brand@agency.example");
		assertThat(read(seen).path("decisionCounts").asBoolean()).isTrue();
		assertThat(seen.getContentAsString()).doesNotContain("Eve Editor", "Cora Contributor", eve.email());

		MockHttpServletResponse clientSaid = clientDecides(token, "approve", "Lovely");
		assertThat(clientSaid.getStatus()).as(clientSaid.getContentAsString()).isEqualTo(200);
		assertThat(read(clientSaid).path("counted").asBoolean()).isTrue();

		JsonNode approved = approval(postId);
		assertThat(approved.path("status").asString()).isEqualTo("approved");
		assertThat(approved.path("step").isNull()).as("no step waits once approved").isTrue();
		assertThat(approved.path("history")).hasSize(2);
		assertThat(approved.path("history").get(0).path("by").asString()).isEqualTo("Eve Editor");
		assertThat(approved.path("history").get(0).path("stepName").asString()).isEqualTo("Editor");
		assertThat(approved.path("history").get(0).path("comment").asString()).isEqualTo("Looks good");
		assertThat(approved.path("history").get(1).path("by").asString()).isEqualTo("Clara Client");
		assertThat(approved.path("history").get(1).path("external").asBoolean()).isTrue();
		assertThat(held(postId)).isFalse();
		assertThat(schedule(postId).getStatus()).isEqualTo(200);
		assertThat(state(postId)).isEqualTo("SCHEDULED");
	}

	// --- one behaviour per rule ---

	@Test
	void requesting_changes_needs_a_comment_and_editing_sends_the_post_back_to_the_first_step() throws Exception {
		editorThenClient();
		UUID postId = draft(coraToken, "First try");
		MockHttpServletResponse silent = decide(eveToken, postId, "request-changes", null);
		assertThat(silent.getStatus()).isEqualTo(422);
		assertThat(silent.getContentAsString()).contains("\"field\":\"comment\"", "\"rule\":\"required\"");
		assertThat(ok(decide(eveToken, postId, "request-changes", "Say when it opens")).path("status").asString())
			.isEqualTo("changes-requested");
		assertThat(held(postId)).isTrue();

		ok(send(coraToken, put(api("/targets/" + firstTarget(postId) + "/content")), "{\"text\":\"Opens on Monday\"}"));
		JsonNode again = approval(postId);
		assertThat(again.path("status").asString()).isEqualTo("pending");
		assertThat(again.path("round").asInt()).isEqualTo(2);
		assertThat(again.path("step").asInt()).isEqualTo(1);
		assertThat(again.path("history")).hasSize(1);
	}

	@Test
	void editing_an_approved_post_asks_again() throws Exception {
		workflow("{\"steps\":[{\"name\":\"Editor\",\"people\":[\"" + eve.id() + "\"]}]}");
		UUID postId = draft(coraToken, "Approved text");
		ok(decide(eveToken, postId, "approve", null));
		assertThat(schedule(postId).getStatus()).isEqualTo(200);
		assertThat(held(postId)).isFalse();

		ok(send(ownerToken, put(api("/targets/" + firstTarget(postId) + "/content")), "{\"text\":\"Changed after approval\"}"));
		assertThat(approval(postId).path("status").asString()).isEqualTo("pending");
		assertThat(held(postId)).as("scheduled, but held until approved again").isTrue();
		assertThat(state(postId)).isEqualTo("SCHEDULED");
		ok(decide(eveToken, postId, "approve", null));
		assertThat(held(postId)).isFalse();
	}

	@Test
	void a_rejected_post_cannot_be_scheduled_nor_edited_back_into_approval() throws Exception {
		workflow("{\"steps\":[{\"name\":\"Editor\",\"people\":[\"" + eve.id() + "\"]}]}");
		UUID postId = draft(coraToken, "Bad idea");
		JsonNode rejected = ok(decide(eveToken, postId, "reject", "Off brand"));
		assertThat(rejected.path("status").asString()).isEqualTo("rejected");
		assertThat(rejected.path("step").asInt()).isEqualTo(1);
		assertThat(rejected.path("stepName").asString()).isEqualTo("Editor");
		assertThat(schedule(postId).getContentAsString()).contains("\"rule\":\"approved\"");
		MockHttpServletResponse edit = send(coraToken, put(api("/targets/" + firstTarget(postId) + "/content")), "{\"text\":\"Better?\"}");
		assertThat(edit.getStatus()).isEqualTo(422);
		assertThat(edit.getContentAsString()).contains("\"rule\":\"rejected\"");
		assertThat(held(postId)).isTrue();
	}

	@Test
	void all_of_needs_every_person_of_the_step() throws Exception {
		workflow("{\"steps\":[{\"name\":\"Partners\",\"rule\":\"all\",\"people\":[\"" + eve.id() + "\",\"" + ed.id() + "\"]}]}");
		UUID postId = draft(coraToken, "Two keys");
		assertThat(ok(decide(eveToken, postId, "approve", null)).path("status").asString()).isEqualTo("pending");
		assertThat(held(postId)).isTrue();
		assertThat(ok(decide(edToken, postId, "approve", null)).path("status").asString()).isEqualTo("approved");
		assertThat(held(postId)).isFalse();
	}

	@Test
	void when_the_workspace_requires_it_for_everyone_an_editors_post_waits_too_and_no_one_approves_their_own() throws Exception {
		workflow("{\"appliesTo\":\"everyone\",\"steps\":[{\"name\":\"Editors\",\"people\":[\"" + eve.id() + "\",\"" + ed.id() + "\"]}]}");
		MockHttpServletResponse direct = send(eveToken, post(api("/posts")), "{\"targets\":[{\"connectionId\":\"" + account.id()
				+ "\",\"text\":\"Straight out\"}],\"publish\":\"now\"}");
		assertThat(direct.getStatus()).isEqualTo(422);
		assertThat(direct.getContentAsString()).contains("\"field\":\"publish\"", "\"rule\":\"approval\"");
		UUID postId = draft(eveToken, "Eve's own post");
		assertThat(approval(postId).path("waitingFor").toString()).contains("Ed Editor").doesNotContain("Eve Editor");
		assertThat(decide(eveToken, postId, "approve", null).getStatus()).isEqualTo(403);
		assertThat(ok(decide(edToken, postId, "approve", null)).path("status").asString()).isEqualTo("approved");
	}

	@Test
	void a_post_that_needs_approval_keeps_its_time_while_it_waits_and_goes_at_that_time_once_approved() throws Exception {
		workflow("{\"appliesTo\":\"everyone\",\"steps\":[{\"name\":\"Editors\",\"people\":[\"" + ed.id() + "\"]}]}");
		JsonNode scheduled = ok(send(eveToken, post(api("/posts")), "{\"targets\":[{\"connectionId\":\"" + account.id()
				+ "\",\"text\":\"Advent calendar, day one\"}],\"publish\":\"schedule\",\"scheduledAt\":\"2026-12-01T09:00\","
				+ "\"timeZone\":\"Europe/Paris\"}"));
		UUID postId = UUID.fromString(scheduled.path("id").asString());
		assertThat(state(postId)).isEqualTo("SCHEDULED");
		assertThat(held(postId)).as("the engine sends none of it before approval").isTrue();
		assertThat(approval(postId).path("waitingFor").toString()).contains("Ed Editor");

		assertThat(ok(decide(edToken, postId, "approve", null)).path("status").asString()).isEqualTo("approved");

		assertThat(held(postId)).isFalse();
		assertThat(state(postId)).isEqualTo("SCHEDULED");
		assertThat(jdbc.sql("select due_at from post_target where post_id = ?").param(postId).query(java.time.OffsetDateTime.class)
			.single().toInstant()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
	}

	@Test
	void a_clients_decision_at_a_step_that_takes_none_is_kept_but_not_counted() throws Exception {
		workflow("{\"steps\":[{\"name\":\"Editor\",\"people\":[\"" + eve.id() + "\"]}]}");
		UUID postId = draft(coraToken, "Client peeks");
		String token = reviewToken(ownerToken, postId);
		JsonNode said = ok(clientDecides(token, "approve", "Fine by me"));
		assertThat(said.path("counted").asBoolean()).isFalse();
		JsonNode after = approval(postId);
		assertThat(after.path("status").asString()).isEqualTo("pending");
		assertThat(after.path("history").get(0).path("counted").asBoolean()).isFalse();
		assertThat(held(postId)).isTrue();
	}

	@Test
	void a_review_link_stores_only_a_hash_expires_and_can_be_revoked() throws Exception {
		editorThenClient();
		UUID postId = draft(coraToken, "Secret launch");
		String token = reviewToken(eveToken, postId);
		String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		assertThat(jdbc.sql("select token_hash from review_link where post_id = ?").param(postId).query(String.class).single())
			.isEqualTo(hash);
		assertThat(jdbc.sql("select count(*) from review_link where token_hash = ?").param(token).query(Long.class).single()).isZero();
		assertThat(mvc.perform(get("/api/v1/review/" + token.substring(0, token.length() - 1) + "x")).andReturn().getResponse()
			.getStatus()).isEqualTo(404);

		clock.advance(Duration.ofDays(8));
		assertThat(mvc.perform(get("/api/v1/review/" + token)).andReturn().getResponse().getStatus()).as("expired").isEqualTo(404);
		assertThat(mvc.perform(get("/review/" + token)).andReturn().getResponse().getStatus()).isEqualTo(404);

		String second = reviewToken(eveToken, postId);
		assertThat(mvc.perform(get("/api/v1/review/" + second)).andReturn().getResponse().getStatus()).isEqualTo(200);
		JsonNode links = ok(call(eveToken, get(api("/posts/" + postId + "/review-links"))));
		assertThat(links.toString()).doesNotContain(second);
		String activeId = links.get(0).path("id").asString();
		assertThat(links.get(0).path("active").asBoolean()).isTrue();
		assertThat(send(coraToken, post(api("/review-links/" + activeId + "/revoke")), "").getStatus()).isEqualTo(403);
		ok(send(eveToken, post(api("/review-links/" + activeId + "/revoke")), ""));
		assertThat(mvc.perform(get("/api/v1/review/" + second)).andReturn().getResponse().getStatus()).as("revoked").isEqualTo(404);
		assertThat(clientDecides(second, "approve", "too late").getStatus()).isEqualTo(404);
	}

	@Test
	void comments_make_a_thread_on_the_draft() throws Exception {
		editorThenClient();
		UUID postId = draft(coraToken, "Thread me");
		ok(send(eveToken, post(api("/posts/" + postId + "/approval/comments")), "{\"body\":\"Which photo?\"}"));
		ok(send(coraToken, post(api("/posts/" + postId + "/approval/comments")), "{\"body\":\"The blue one\"}"));
		MockHttpServletResponse blank = send(coraToken, post(api("/posts/" + postId + "/approval/comments")), "{\"body\":\"  \"}");
		assertThat(blank.getContentAsString()).contains("\"field\":\"body\"", "\"rule\":\"required\"");
		JsonNode comments = approval(postId).path("comments");
		assertThat(comments).hasSize(2);
		assertThat(comments.get(0).path("author").asString()).isEqualTo("Eve Editor");
		assertThat(comments.get(1).path("body").asString()).isEqualTo("The blue one");
	}

	// --- pages ---

	@Test
	void the_pages_show_the_workflow_the_waiting_list_the_post_and_the_review_in_english_and_french() throws Exception {
		editorThenClient();
		UUID postId = draft(coraToken, "Page me");
		MockHttpSession session = new People(context, mvc).signIn(eve);
		String settings = mvc.perform(get("/w/" + workspace.id() + "/approvals/settings").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(settings).contains("Approval workflow", "value=\"Editor\"", "Any one of these people");
		String waiting = mvc.perform(get("/w/" + workspace.id() + "/approvals").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(waiting).contains("Waiting for you", "Page me", "Cora Contributor");
		assertThat(mvc.perform(get("/w/" + workspace.id() + "/approvals/badge").session(session)).andReturn().getResponse()
			.getContentAsString()).contains(">1<");
		MockHttpServletResponse page = mvc.perform(get("/w/" + workspace.id() + "/approvals/posts/" + postId).session(session)
			.header("Accept-Language", "fr")).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("En attente de validation", "Valider", "Page me");

		MockHttpServletResponse decided = mvc.perform(post("/w/" + workspace.id() + "/approvals/posts/" + postId + "/decide")
			.session(session).with(csrf()).param("decision", "approve")).andReturn().getResponse();
		assertThat(decided.getStatus()).isEqualTo(302);
		String token = reviewToken(eveToken, postId);
		String review = mvc.perform(get("/review/" + token).header("Accept-Language", "fr")).andReturn().getResponse()
			.getContentAsString();
		assertThat(review).contains("Relire une publication", "Page me", "Votre nom", "Ce lien est valable jusqu").doesNotContain("{0}");
		MockHttpServletResponse noName = mvc.perform(post("/review/" + token).with(csrf()).param("decision", "approve"))
			.andReturn().getResponse();
		assertThat(noName.getContentAsString()).contains("This field is required");
		MockHttpServletResponse approved = mvc.perform(post("/review/" + token).with(csrf()).param("name", "Clara")
			.param("decision", "approve")).andReturn().getResponse();
		assertThat(approved.getStatus()).isEqualTo(302);
		assertThat(approval(postId).path("status").asString()).isEqualTo("approved");
	}
}
