package io.vitrine.networks.linkedin;

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
 * LinkedIn as a new user meets it, in a real browser against a separate Vitrine process configured
 * with a LinkedIn app: the OAuth dance completes on (a local) LinkedIn, the person chooses the page to
 * publish as, writes a post over LinkedIn's 3,000 characters and reads why, fixes it (with the
 * characters that would cut an unescaped post) and sees it published with its link; then the same in
 * French, choosing the member this time.
 */
class LinkedInJourneyTest {

	private static final String EMAIL = "owner@example.com";

	private static final String PASSWORD = "correct horse battery";

	private static final String FIXED = "Pain (au levain) ce matin #boulangerie, demandez @Marie [offre] !";

	@Test
	void connects_a_linkedin_page_in_a_browser_explains_the_limit_and_publishes_whole_posts_in_english_and_french()
			throws Exception {
		Path data = Files.createTempDirectory("vitrine-linkedin");
		try (LinkedInContractServer linkedin = new LinkedInContractServer(Clock.systemUTC())) {
			Map<String, String> env = Map.ofEntries(Map.entry("VITRINE_DATA_DIR", data.toString()),
					Map.entry("VITRINE_OUTBOUND_ALLOW_PRIVATE", "true"), Map.entry("VITRINE_ENGINE_POLL_INTERVAL", "500ms"),
					Map.entry("VITRINE_OWNER_EMAIL", EMAIL), Map.entry("VITRINE_OWNER_PASSWORD", PASSWORD),
					Map.entry("VITRINE_OWNER_WORKSPACE", "Boulangerie Martin"),
					Map.entry("VITRINE_LINKEDIN_CLIENT_ID", LinkedInContractServer.CLIENT_ID),
					Map.entry("VITRINE_LINKEDIN_CLIENT_SECRET", LinkedInContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_LINKEDIN_AUTHORIZATION_URI", linkedin.authorizationUri()),
					Map.entry("VITRINE_LINKEDIN_TOKEN_URI", linkedin.tokenUri()),
					Map.entry("VITRINE_LINKEDIN_API_URL", linkedin.url()));
			try (VitrineProcess app = VitrineProcess.start("linkedin-journey", env)) {
				String base = "http://localhost:" + app.port();
				try (Browser browser = Browser.open("en-GB")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, linkedin, browser, "Connect with LinkedIn", "Allow", "linkedin-en");
					assertThat(page.locator("h1")).hasText("Choose the LinkedIn accounts to connect");
					assertThat(page.locator("legend")).hasText("Publish as");
					page.getByLabel(LinkedInContractServer.ORGANIZATION_NAME).check();
					browser.screenshot("linkedin-en-2-choose-the-page");
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect the chosen accounts")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText("Boulangerie Martin is connected.");
					assertThat(page.locator("main table")).containsText("linkedin.com/company/boulangerie-martin");

					publish(page, base, workspace, browser, "linkedin-en", LinkedInContractServer.ORGANIZATION_NAME,
							"LinkedIn counts 3001 characters; the limit is 3000.");
					assertThat(linkedin.posts()).singleElement().satisfies(post -> {
						assertThat(post.author()).isEqualTo(LinkedInContractServer.ORGANIZATION);
						assertThat(LittleText.plain(post.commentary())).as("nothing cut").isEqualTo(FIXED);
					});
				}
				try (Browser browser = Browser.open("fr-FR")) {
					Page page = browser.page();
					String workspace = signIn(page, base);
					connect(page, base, workspace, linkedin, browser, "Se connecter avec LinkedIn", "Allow", "linkedin-fr");
					assertThat(page.locator("h1")).hasText("Choisir les comptes LinkedIn à connecter");
					assertThat(page.locator("legend")).hasText("Publier en tant que");
					page.getByLabel(LinkedInContractServer.MEMBER_NAME).check();
					browser.screenshot("linkedin-fr-2-choisir-le-membre");
					page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connecter les comptes choisis")).click();
					page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
					assertThat(page.locator("#notice")).containsText("Marie Martin est connecté.");

					publish(page, base, workspace, browser, "linkedin-fr", LinkedInContractServer.MEMBER_NAME, "LinkedIn counts 3001 characters; the limit is 3000.");
					assertThat(linkedin.posts()).hasSize(2);
					assertThat(linkedin.posts().getLast().author()).isEqualTo(LinkedInContractServer.MEMBER);
				}
			}
			assertThat(linkedin.violations()).as("requests outside LinkedIn's documentation").isEmpty();
		}
	}

	private static void connect(Page page, String base, String workspace, LinkedInContractServer linkedin, Browser browser,
			String connect, String allow, String shot) {
		page.navigate(base + "/w/" + workspace + "/connections");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(connect)).click();
		page.waitForURL(Pattern.compile(Pattern.quote(linkedin.authorizationUri()) + ".*"));
		browser.screenshot(shot + "-1-allow-on-linkedin");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(allow)).click();
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections/linkedin/choose/.*"));
		}
		catch (RuntimeException e) {
			browser.screenshot(shot + "-1-failed");
			throw new AssertionError("stuck at " + page.url() + ", LinkedIn saw " + linkedin.violations(), e);
		}
	}

	/** Breaks the length rule, reads why, fixes the text, posts now, and sees the post's link. */
	private static void publish(Page page, String base, String workspace, Browser browser, String shot, String account,
			String why) {
		page.navigate(base + "/w/" + workspace + "/compose");
		page.locator("label").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(account))
			.locator("input[name=accounts]").check();
		page.fill("#text", "x".repeat(3001));
		assertThat(page.locator("#checks .counter")).hasText("3001 / 3000");
		assertThat(page.locator("#checks .violation")).hasText(why);
		browser.screenshot(shot + "-3-over-the-limit");
		page.fill("#text", FIXED);
		assertThat(page.locator("#checks .counter")).hasText(FIXED.length() + " / 3000");
		assertThat(page.locator("#checks .violation")).hasCount(0);
		page.check("input[name=publish][value=now]");
		page.locator("#composer button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
		assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", "published",
				new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
		page.reload();
		assertThat(page.locator("main a[href*='https://www.linkedin.com/feed/update/urn:li:share:']").first()).isVisible();
		browser.screenshot(shot + "-4-published");
	}

	/** Signs in as the owner; returns the id of the workspace the home page leads to. */
	private static String signIn(Page page, String base) {
		page.navigate(base + "/login");
		page.fill("#email", EMAIL);
		page.fill("#password", PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/[0-9a-f-]+/.*"));
		return page.url().replaceAll(".*/w/([0-9a-f-]+)/.*", "$1");
	}
}
