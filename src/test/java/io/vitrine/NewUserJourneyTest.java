package io.vitrine;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vitrine.testsupport.BlueskyPds;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance walk of issue 2, as a new user does it: a fresh Vitrine process, the setup link it
 * prints, a Bluesky account on a real PDS, a post scheduled two minutes ahead, the browser closed,
 * and the post found published at its time — then the same through the REST API alone.
 */
class NewUserJourneyTest {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Pattern SETUP_LINK = Pattern.compile("(http://\\S+/setup\\?token=\\S+)");

	private static final String POST = "app.bsky.feed.post";

	private final BlueskyPds pds = BlueskyPds.get();

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void a_new_user_schedules_a_bluesky_post_closes_the_browser_and_finds_it_published_on_time_then_does_it_again_through_the_api()
			throws Exception {
		Path data = Files.createTempDirectory("vitrine-journey");
		Map<String, String> env = Map.of("VITRINE_DATA_DIR", data.toString(), "VITRINE_OUTBOUND_ALLOW_PRIVATE", "true",
				"VITRINE_ENGINE_POLL_INTERVAL", "500ms");
		try (VitrineProcess app = VitrineProcess.start("journey", env)) {
			String base = "http://localhost:" + app.port();
			String setupLink = setupLink(app).orElseThrow(() -> new AssertionError("no setup link printed at first start"));
			BlueskyPds.Account alice = pds.createAccount("alice");
			String appPassword = pds.createAppPassword(alice, "vitrine");

			String workspace;
			Instant due;
			try (Browser browser = Browser.open("en-GB")) {
				Page page = browser.page();
				page.navigate(setupLink);
				page.fill("#email", "owner@example.com");
				page.fill("#displayName", "Olivia Owner");
				page.fill("#password", "correct horse battery");
				page.fill("#passwordAgain", "correct horse battery");
				page.fill("#workspaceName", "Boulangerie Martin");
				page.selectOption("#timeZone", "Europe/Paris");
				browser.screenshot("journey-1-setup");
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the owner account")).click();
				page.waitForURL(Pattern.compile(".*/w/[0-9a-f-]+/posts"));
				workspace = page.url().replaceAll(".*/w/([0-9a-f-]+)/posts.*", "$1");

				page.navigate(base + "/w/" + workspace + "/connections/bluesky/new");
				page.fill("#identifier", alice.handle());
				page.fill("#appPassword", appPassword);
				page.fill("#serviceUrl", pds.url());
				browser.screenshot("journey-2-connect-bluesky");
				page.locator("main button[type=submit]").click();
				page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
				assertThat(page.locator("main")).containsText(alice.handle());

				page.navigate(base + "/w/" + workspace + "/compose");
				page.locator("input[name=accounts]").first().check();
				page.fill("#text", "x".repeat(301));
				assertThat(page.locator("#checks .counter")).hasText("301 / 300");
				assertThat(page.locator("#checks .violation")).containsText("300");
				browser.screenshot("journey-3-too-long");

				page.fill("#text", "Fresh croissants at 7 tomorrow #boulangerie https://example.com/menu");
				assertThat(page.locator("#checks .counter")).hasText("68 / 300");
				assertThat(page.locator("#checks .violation")).hasCount(0);
				LocalDateTime at = LocalDateTime.now(PARIS).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
				due = at.atZone(PARIS).toInstant();
				page.check("input[name=publish][value=schedule]");
				page.fill("input[name=scheduledAt]", at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
				page.fill("input[name=timeZone]", "Europe/Paris");
				page.locator("#composer button[type=submit]").click();
				page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
				assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "scheduled");
				browser.screenshot("journey-4-scheduled");
			}

			List<JsonNode> records = awaitRecords(alice.did(), 1, Duration.ofMinutes(4));
			JsonNode record = records.get(0).path("value");
			assertThat(record.path("text").asString()).isEqualTo("Fresh croissants at 7 tomorrow #boulangerie https://example.com/menu");
			assertThat(Instant.parse(record.path("createdAt").asString())).as("not before its time").isAfterOrEqualTo(due);
			assertThat(Instant.parse(record.path("createdAt").asString())).as("on time").isBefore(due.plusSeconds(30));

			String token;
			try (Browser browser = Browser.open("fr-FR")) {
				Page page = browser.page();
				page.navigate(base + "/login");
				page.fill("#email", "owner@example.com");
				page.fill("#password", "correct horse battery");
				page.locator("main button[type=submit]").click();
				page.navigate(base + "/w/" + workspace + "/posts");
				assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "published");
				assertThat(page.locator("main")).containsText("Publiée");
				assertThat(page.locator("main a[href*='bsky.app/profile/" + alice.handle() + "/post/']")).hasCount(1);
				browser.screenshot("journey-5-published-fr");

				page.navigate(base + "/account/tokens");
				page.fill("#name", "journey script");
				page.locator("main form button[type=submit]").first().click();
				token = page.inputValue("#new-token");
			}

			BlueskyPds.Account bob = pds.createAccount("bob");
			String bobPassword = pds.createAppPassword(bob, "vitrine");
			JsonNode connection = call(base, token, "POST", "/api/v1/workspaces/" + workspace + "/connections/bluesky",
					Map.of("identifier", bob.handle(), "appPassword", bobPassword, "serviceUrl", pds.url()), 201);
			assertThat(connection.toString()).doesNotContain(bobPassword);
			Instant apiDue = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
			JsonNode post = call(base, token, "POST", "/api/v1/workspaces/" + workspace + "/posts",
					Map.of("targets", List.of(Map.of("connectionId", connection.path("id").asString(), "text", "Through the API only")),
							"scheduledAt", apiDue.toString()), 201);
			String targetId = post.path("targets").get(0).path("id").asString();
			JsonNode target = awaitTarget(base, token, workspace, targetId, Duration.ofMinutes(2));
			assertThat(target.path("target").path("state").asString()).isEqualTo("PUBLISHED");
			assertThat(target.path("target").path("remoteUrl").asString()).contains("/profile/" + bob.handle() + "/post/");
			assertThat(awaitRecords(bob.did(), 1, Duration.ofSeconds(5))).hasSize(1);
			assertThat(Instant.parse(target.path("target").path("publishedAt").asString())).isAfterOrEqualTo(apiDue);
		}
	}

	private Optional<String> setupLink(VitrineProcess app) throws Exception {
		Instant deadline = Instant.now().plusSeconds(10);
		while (Instant.now().isBefore(deadline)) {
			Matcher m = SETUP_LINK.matcher(app.output());
			if (m.find()) {
				return Optional.of(m.group(1).replaceFirst("http://[^/]+", "http://localhost:" + app.port()));
			}
			Thread.sleep(200);
		}
		return Optional.empty();
	}

	private List<JsonNode> awaitRecords(String did, int count, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		List<JsonNode> records = pds.listRecords(did, POST);
		while (records.size() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
			records = pds.listRecords(did, POST);
		}
		assertThat(records).as("posts on the PDS").hasSize(count);
		return records;
	}

	private JsonNode awaitTarget(String base, String token, String workspace, String targetId, Duration timeout)
			throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		JsonNode target = call(base, token, "GET", "/api/v1/workspaces/" + workspace + "/targets/" + targetId, null, 200);
		while (!target.path("target").path("state").asString().equals("PUBLISHED") && Instant.now().isBefore(deadline)) {
			Thread.sleep(1000);
			target = call(base, token, "GET", "/api/v1/workspaces/" + workspace + "/targets/" + targetId, null, 200);
		}
		return target;
	}

	private JsonNode call(String base, String token, String method, String path, Object body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return json.readTree(response.body());
	}
}
