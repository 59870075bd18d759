package io.vitrine.networks.threads;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads as a new user meets it, in a real browser against a separate Vitrine process: Threads' OAuth on (a local)
 * threads.net, a post over 500 characters and its message, the fixed post published with its link; then in French.
 */
class ThreadsJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	@Test
	void connects_a_threads_profile_in_a_browser_explains_the_limit_and_publishes_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-threads");
		try (ThreadsApiServer threads = new ThreadsApiServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_ENGINE_POLL_INTERVAL", "500ms"),
					Map.entry("VITRINE_OWNER_EMAIL", EMAIL), Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD),
					Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Martin"),
					Map.entry("VITRINE_THREADS_APP_ID", ThreadsApiServer.APP_ID),
					Map.entry("VITRINE_THREADS_APP_SECRET", ThreadsApiServer.APP_SECRET),
					Map.entry("VITRINE_THREADS_AUTHORIZATION_URI", threads.authorizationUri()),
					Map.entry("VITRINE_THREADS_API_URL", threads.url()));
			try (VitrineProcess app = VitrineProcess.start("threads-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, threads, browser, "Connect with Threads", "threads-en");
					assertThat(page.locator("#notice")).containsText("boulangerie.martin is connected.");
					publish(page, base, workspace, browser, "threads-en");
					assertThat(threads.posts()).hasSize(1);
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, threads, browser, "Se connecter avec Threads", "threads-fr");
					assertThat(page.locator("#notice")).containsText("boulangerie.martin est connecté.");
					publish(page, base, workspace, browser, "threads-fr");
					assertThat(threads.posts()).hasSize(2);
				}
			}
			assertThat(threads.violations()).as("requests outside the Threads documentation").isEmpty();
		}
	}

	private static void connect(Page page, String base, String workspace, ThreadsApiServer threads, Browser browser,
			String connect, String shot) {
		page.navigate(base + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(threads.authorizationUri()) + ".*"));
		browser.screenshot(shot + "-1-threads-authorization");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", Threads saw " + threads.violations(), e);
		}
		browser.screenshot(shot + "-2-connected");
	}

	private static void publish(Page page, String base, String workspace, Browser browser, String shot) {
		page.navigate(base + "/w/" + workspace + "/compose");
		page.locator("label").filter(new Locator.FilterOptions().setHasText(ThreadsApiServer.USERNAME))
			.locator("input[name=accounts]").check();
		page.fill("#text", "🥐".repeat(501));
		assertThat(page.locator("#checks .counter")).hasText("501 / 500");
		assertThat(page.locator("#checks .violation")).hasText("Threads counts 501 characters; the limit is 500.");
		browser.screenshot(shot + "-3-over-the-limit");
		page.fill("#text", "Fournée du matin : pain au levain, baguettes, croissants.");
		assertThat(page.locator("#checks .violation")).hasCount(0);
		page.check("input[name=publish][value=now]");
		page.locator("#composer button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
		assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "published",
				new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
		page.reload();
		assertThat(page.locator("main a[href*='https://www.threads.net/@boulangerie.martin/post/']").first()).isVisible();
		browser.screenshot(shot + "-4-published");
	}

	private static String signIn(Page page, String base) {
		page.navigate(base + "/login");
		page.fill("#email", EMAIL);
		page.fill("#password", PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/[0-9a-f-]+/.*"));
		return page.url().replaceAll(".*/w/([0-9a-f-]+)/.*", "$1");
	}
}
