package io.vitrine.networks.bluesky;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.CurrentUser;
import io.vitrine.identity.tokens.ApiTokens;
import io.vitrine.networks.Channel;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.BlueskyPds;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bluesky through the whole of Vitrine, against a real PDS: connecting an account (REST and page),
 * then the publishing engine sending posts to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class BlueskyContract {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final BlueskyPds pds = BlueskyPds.get();

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	WorkspaceStore workspaces;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Connections connections;

	@Autowired
	JdbcClient jdbc;

	private CurrentUser owner;

	private UUID workspace;

	private String token;

	@BeforeEach
	void ownerWithWorkspaceAndToken() {
		owner = accounts.create("owner-" + UUID.randomUUID() + "@example.com", "Owner", "correct horse battery staple", Locale.ENGLISH);
		workspace = workspaces.create(owner.id(), "Brand", ZoneId.of("Europe/Paris")).id();
		token = tokens.create(owner, "tests").secret();
	}

	private record Connected(BlueskyPds.Account account, String appPassword, UUID connectionId) {
	}

	private Connected connectThroughApi(String name) throws Exception {
		BlueskyPds.Account account = pds.createAccount(name);
		String appPassword = pds.createAppPassword(account, "vitrine");
		MvcResult result = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace),
				Map.of("identifier", "@" + account.handle(), "appPassword", appPassword, "serviceUrl", pds.url() + "/"));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		return new Connected(account, appPassword, UUID.fromString(body(result).path("id").asString()));
	}

	@Test
	void connects_an_account_through_the_rest_api_without_ever_returning_or_storing_its_secrets_in_clear() throws Exception {
		BlueskyPds.Account account = pds.createAccount("rest");
		String appPassword = pds.createAppPassword(account, "vitrine");

		MvcResult result = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace),
				Map.of("identifier", account.handle(), "appPassword", appPassword, "serviceUrl", pds.url()));

		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		JsonNode view = body(result);
		assertThat(view.path("network").asString()).isEqualTo("bluesky");
		assertThat(view.path("handle").asString()).isEqualTo(account.handle());
		assertThat(view.path("serverUrl").asString()).isEqualTo(pds.url());
		assertThat(view.path("status").asString()).isEqualTo("ACTIVE");
		String text = result.getResponse().getContentAsString();
		assertThat(text).doesNotContain(appPassword).doesNotContain("eyJ").doesNotContainIgnoringCase("jwt");
		UUID id = UUID.fromString(view.path("id").asString());
		byte[] stored = jdbc.sql("select credentials from connection where id = ?").param(id).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(appPassword).doesNotContain(account.did());
		Session session = Session.of(connections.openChannel(id).credentials());
		assertThat(session.did()).isEqualTo(account.did());
		assertThat(session.appPassword()).isEqualTo(appPassword);
		assertThat(session.pdsUrl()).isEqualTo(pds.url().replace("127.0.0.1", "localhost"));
		assertThat(jdbc.sql("select remote_account_id from connection where id = ?").param(id).query(String.class).single())
			.isEqualTo(account.did());
	}

	@Test
	void connecting_the_same_account_again_updates_the_connection_instead_of_adding_one() throws Exception {
		Connected first = connectThroughApi("again");
		String newPassword = pds.createAppPassword(first.account(), "vitrine-2");

		MvcResult again = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace),
				Map.of("identifier", first.account().handle().toUpperCase(Locale.ROOT), "appPassword", newPassword, "serviceUrl",
						pds.url().replace("http://", "HTTP://")));

		assertThat(body(again).path("id").asString()).isEqualTo(first.connectionId().toString());
		assertThat(connections.list(workspace)).hasSize(1);
		assertThat(Session.of(connections.openChannel(first.connectionId()).credentials()).appPassword()).isEqualTo(newPassword);
	}

	@Test
	void an_account_may_be_named_by_its_did_or_its_email_address() throws Exception {
		BlueskyPds.Account byDid = pds.createAccount("bydid");
		BlueskyPds.Account byEmail = pds.createAccount("byemail");

		MvcResult did = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace), Map.of("identifier", byDid.did(),
				"appPassword", pds.createAppPassword(byDid, "vitrine"), "serviceUrl", pds.url()));
		MvcResult email = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace), Map.of("identifier",
				byEmail.email(), "appPassword", pds.createAppPassword(byEmail, "vitrine"), "serviceUrl", pds.url()));

		assertThat(body(did).path("handle").asString()).isEqualTo(byDid.handle());
		assertThat(body(email).path("handle").asString()).isEqualTo(byEmail.handle());
	}

	@Test
	void a_wrong_app_password_is_refused_with_the_field_the_rule_and_a_clear_message() throws Exception {
		BlueskyPds.Account account = pds.createAccount("wrong");

		MvcResult result = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace),
				Map.of("identifier", account.handle(), "appPassword", "aaaa-bbbb-cccc-dddd", "serviceUrl", pds.url()));

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		JsonNode error = body(result).path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("appPassword");
		assertThat(error.path("rule").asString()).isEqualTo("credentials");
		assertThat(error.path("message").asString()).contains("Bluesky refused this handle and app password");
		assertThat(connections.list(workspace)).isEmpty();
	}

	@Test
	void the_accounts_main_password_is_refused_in_favour_of_an_app_password() throws Exception {
		BlueskyPds.Account account = pds.createAccount("main");

		MvcResult result = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace),
				Map.of("identifier", account.handle(), "appPassword", account.password(), "serviceUrl", pds.url()));

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(result).path("errors").get(0).path("rule").asString()).isEqualTo("app-password");
		assertThat(connections.list(workspace)).isEmpty();
	}

	@Test
	void an_unreachable_server_and_a_malformed_one_are_refused_clearly() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}

		MvcResult unreachable = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace),
				Map.of("identifier", "alice.test", "appPassword", "aaaa-bbbb-cccc-dddd", "serviceUrl", "http://127.0.0.1:" + closed));
		MvcResult malformed = api(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace),
				Map.of("identifier", "", "appPassword", "", "serviceUrl", "ftp://example.com"));

		assertThat(unreachable.getResponse().getStatus()).isEqualTo(422);
		JsonNode error = body(unreachable).path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("serviceUrl");
		assertThat(error.path("rule").asString()).isEqualTo("reachable");
		assertThat(error.path("message").asString()).contains("could not reach");
		assertThat(malformed.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(malformed).path("errors").valueStream().map(e -> e.path("field").asString() + ":" + e.path("rule").asString()))
			.containsExactlyInAnyOrder("identifier:required", "appPassword:required", "serviceUrl:url");
	}

	@Test
	void a_stranger_gets_404_and_an_editor_403_and_neither_connects_anything() throws Exception {
		CurrentUser stranger = accounts.create("stranger-" + UUID.randomUUID() + "@example.com", "Stranger",
				"correct horse battery staple", Locale.ENGLISH);
		CurrentUser editor = accounts.create("editor-" + UUID.randomUUID() + "@example.com", "Editor",
				"correct horse battery staple", Locale.ENGLISH);
		workspaces.addMember(workspace, editor.id(), Role.EDITOR);
		Map<String, String> body = Map.of("identifier", "alice.test", "appPassword", "aaaa-bbbb-cccc-dddd", "serviceUrl", pds.url());

		int strangers = mvc.perform(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace)
			.header("Authorization", "Bearer " + tokens.create(stranger, "t").secret())
			.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn().getResponse().getStatus();
		int editors = mvc.perform(post("/api/v1/workspaces/{ws}/connections/bluesky", workspace)
			.header("Authorization", "Bearer " + tokens.create(editor, "t").secret())
			.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn().getResponse().getStatus();
		int strangerPage = mvc.perform(get("/w/{ws}/connections/bluesky/new", workspace).with(signedIn(stranger)))
			.andReturn().getResponse().getStatus();

		assertThat(strangers).isEqualTo(404);
		assertThat(editors).isEqualTo(403);
		assertThat(strangerPage).isEqualTo(404);
		assertThat(connections.list(workspace)).isEmpty();
	}

	@Test
	void the_connect_page_explains_app_passwords_and_sends_back_to_the_connections_once_connected() throws Exception {
		BlueskyPds.Account account = pds.createAccount("page");
		String appPassword = pds.createAppPassword(account, "vitrine");

		String form = mvc.perform(get("/w/{ws}/connections/bluesky/new", workspace).with(signedIn(owner)))
			.andReturn().getResponse().getContentAsString();
		MvcResult connected = mvc.perform(post("/w/{ws}/connections/bluesky/new", workspace).with(signedIn(owner)).with(csrf())
			.param("identifier", account.handle()).param("appPassword", appPassword).param("serviceUrl", pds.url())).andReturn();

		assertThat(form).contains("name=\"identifier\"", "name=\"appPassword\"", "type=\"password\"",
				"value=\"https://bsky.social\"", "App passwords", "not your main password");
		assertThat(connected.getResponse().getStatus()).isEqualTo(302);
		assertThat(connected.getResponse().getRedirectedUrl()).isEqualTo("/w/" + workspace + "/connections");
		assertThat(connections.list(workspace)).extracting(c -> c.handle()).containsExactly(account.handle());
		String list = mvc.perform(get("/w/{ws}/connections", workspace).with(signedIn(owner)).flashAttrs(connected.getFlashMap()))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains(account.handle() + " is connected.", "/w/" + workspace + "/connections/bluesky/new");
	}

	@Test
	void the_connect_page_shows_a_refusal_in_french_and_never_echoes_the_password() throws Exception {
		BlueskyPds.Account account = pds.createAccount("francais");

		MvcResult refused = mvc.perform(post("/w/{ws}/connections/bluesky/new", workspace).with(signedIn(owner)).with(csrf())
			.header("Accept-Language", "fr").param("identifier", account.handle()).param("appPassword", "zzzz-yyyy-xxxx-wwww")
			.param("serviceUrl", pds.url())).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		String page = refused.getResponse().getContentAsString();
		assertThat(page).contains("Bluesky a refusé cet identifiant et ce mot de passe d&#39;application.")
			.contains("value=\"" + account.handle() + "\"").doesNotContain("zzzz-yyyy-xxxx-wwww");
	}

	@Test
	void a_post_published_now_goes_through_the_engine_to_the_pds_with_its_facets_and_image() throws Exception {
		Connected alice = connectThroughApi("alice");
		BlueskyPds.Account bob = pds.createAccount("bob");
		MvcResult uploaded = mvc.perform(multipart("/api/v1/workspaces/{ws}/media", workspace)
			.file(new MockMultipartFile("file", "square.png", "image/png", BlueskyWiring.png(6, 3, 0xFF8800)))
			.header("Authorization", "Bearer " + token)).andReturn();
		assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(201);
		String mediaId = body(uploaded).path("id").asString();
		String text = "Été 🌞 chez @" + bob.handle() + " #VitrineTest";

		MvcResult created = api(post("/api/v1/workspaces/{ws}/posts", workspace), Map.of("publish", "now", "targets",
				List.of(Map.of("connectionId", alice.connectionId().toString(), "text", text, "link", "https://example.com/a?b=c",
						"images", List.of(Map.of("mediaId", mediaId, "altText", "an orange rectangle"))))));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		String targetId = body(created).path("targets").get(0).path("id").asString();

		JsonNode target = awaitTarget(targetId, "PUBLISHED");
		String rkey = RecordKey.of(UUID.fromString(targetId));
		assertThat(target.path("remoteId").asString())
			.isEqualTo("at://" + alice.account().did() + "/app.bsky.feed.post/" + rkey);
		assertThat(target.path("remoteUrl").asString())
			.isEqualTo("https://bsky.app/profile/" + alice.account().handle() + "/post/" + rkey);
		JsonNode record = pds.getRecord(alice.account().did(), "app.bsky.feed.post", rkey).body().path("value");
		String sent = text + "\n\nhttps://example.com/a?b=c";
		assertThat(record.path("text").asString()).isEqualTo(sent);
		assertThat(record.path("facets").valueStream().map(f -> BlueskyWiring.covered(sent, f) + " " + f.path("features").get(0).path("$type").asString()))
			.containsExactly("@" + bob.handle() + " app.bsky.richtext.facet#mention", "#VitrineTest app.bsky.richtext.facet#tag",
					"https://example.com/a?b=c app.bsky.richtext.facet#link");
		JsonNode image = record.path("embed").path("images").get(0);
		assertThat(image.path("alt").asString()).isEqualTo("an orange rectangle");
		assertThat(image.path("aspectRatio").path("width").asInt()).isEqualTo(6);
		assertThat(image.path("aspectRatio").path("height").asInt()).isEqualTo(3);
		assertThat(pds.listRecords(alice.account().did(), "app.bsky.feed.post")).hasSize(1);
	}

	@Test
	void a_revoked_app_password_fails_the_post_and_marks_the_account_for_reconnection() throws Exception {
		Connected carl = connectThroughApi("carl");
		pds.revokeAppPassword(carl.account(), "vitrine");
		// Tokens issued before the revocation work until they expire: store one that has expired.
		Channel channel = connections.openChannel(carl.connectionId());
		channel.updateCredentials(channel.credentials().with(Session.ACCESS_JWT,
				pds.accessToken(carl.account().did(), Instant.now().minusSeconds(60))));

		MvcResult created = api(post("/api/v1/workspaces/{ws}/posts", workspace), Map.of("publish", "now", "targets",
				List.of(Map.of("connectionId", carl.connectionId().toString(), "text", "will not go out"))));
		String targetId = body(created).path("targets").get(0).path("id").asString();

		JsonNode target = awaitTarget(targetId, "FAILED");
		assertThat(target.path("failureReason").asString()).contains("reconnect");
		assertThat(connections.get(workspace, carl.connectionId()).status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
		assertThat(pds.listRecords(carl.account().did(), "app.bsky.feed.post")).isEmpty();
		String list = mvc.perform(get("/w/{ws}/connections", workspace).with(signedIn(owner))).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains("/w/" + workspace + "/connections/bluesky/new?identifier=" + carl.account().handle());
	}

	private JsonNode awaitTarget(String targetId, String state) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		JsonNode target;
		do {
			target = body(mvc.perform(get("/api/v1/workspaces/{ws}/targets/{id}", workspace, targetId)
				.header("Authorization", "Bearer " + token)).andReturn()).path("target");
			if (state.equals(target.path("state").asString())) {
				return target;
			}
			Thread.sleep(Duration.ofMillis(100)); // a poll interval, not a guess at how long publishing takes
		}
		while (Instant.now().isBefore(deadline));
		throw new AssertionError("target " + targetId + " did not become " + state + " within 30 s: " + target);
	}

	private MvcResult api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body)
			throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))).andReturn();
	}

	private static JsonNode body(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(CurrentUser user) {
		return authentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
	}
}
