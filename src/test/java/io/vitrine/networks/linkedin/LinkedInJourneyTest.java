package io.vitrine.networks.linkedin;

import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.NetworkJourney;
import io.vitrine.testsupport.VitrineProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

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

	private static final String FIXED = "Pain (au levain) ce matin #boulangerie, demandez @Marie [offre] !";

	@Test
	void connects_a_linkedin_page_in_a_browser_explains_the_limit_and_publishes_whole_posts_in_english_and_french()
			throws Exception {
		Path data = Files.createTempDirectory("vitrine-linkedin");
		try (LinkedInContractServer linkedin = new LinkedInContractServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Martin", NetworkJourney.QUICK_ENGINE,
					Map.entry("VITRINE_LINKEDIN_CLIENT_ID", LinkedInContractServer.CLIENT_ID),
					Map.entry("VITRINE_LINKEDIN_CLIENT_SECRET", LinkedInContractServer.CLIENT_SECRET),
					Map.entry("VITRINE_LINKEDIN_AUTHORIZATION_URI", linkedin.authorizationUri()),
					Map.entry("VITRINE_LINKEDIN_TOKEN_URI", linkedin.tokenUri()),
					Map.entry("VITRINE_LINKEDIN_API_URL", linkedin.url()));
			try (VitrineProcess app = VitrineProcess.start("linkedin-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, linkedin, "Connect with LinkedIn", "linkedin-en");
					assertThat(journey.page().locator("h1")).hasText("Choose the LinkedIn accounts to connect");
					assertThat(journey.page().locator("legend")).hasText("Publish as");
					journey.page().getByLabel(LinkedInContractServer.ORGANIZATION_NAME).check();
					browser.screenshot("linkedin-en-2-choose-the-page");
					journey.connectChosen("Connect the chosen accounts", "Boulangerie Martin is connected.");
					assertThat(journey.page().locator("main table")).containsText("linkedin.com/company/boulangerie-martin");
					publish(journey, "linkedin-en", LinkedInContractServer.ORGANIZATION_NAME,
							"LinkedIn counts 3001 characters; the limit is 3000.");
					assertThat(linkedin.posts()).singleElement().satisfies(post -> {
						assertThat(post.author()).isEqualTo(LinkedInContractServer.ORGANIZATION);
						assertThat(LittleText.plain(post.commentary())).as("nothing cut").isEqualTo(FIXED);
					});
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, linkedin, "Se connecter avec LinkedIn", "linkedin-fr");
					assertThat(journey.page().locator("h1")).hasText("Choisir les comptes LinkedIn à connecter");
					assertThat(journey.page().locator("legend")).hasText("Publier en tant que");
					journey.page().getByLabel(LinkedInContractServer.MEMBER_NAME).check();
					browser.screenshot("linkedin-fr-2-choisir-le-membre");
					journey.connectChosen("Connecter les comptes choisis", "Marie Martin est connecté.");
					publish(journey, "linkedin-fr", LinkedInContractServer.MEMBER_NAME,
							"LinkedIn compte 3001 caractères ; la limite est de 3000.");
					assertThat(linkedin.posts()).hasSize(2);
					assertThat(linkedin.posts().getLast().author()).isEqualTo(LinkedInContractServer.MEMBER);
				}
			}
			assertThat(linkedin.violations()).as("requests outside LinkedIn's documentation").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, LinkedInContractServer linkedin, String connect, String shot) {
		journey.consent(connect, linkedin.authorizationUri(), shot + "-1-allow-on-linkedin", "Allow");
		journey.backAt("/connections/linkedin/choose/.*", shot + "-1-failed", "LinkedIn", linkedin::violations);
	}

	/** Breaks the length rule, reads why (in the page's language), fixes the text, posts now, and sees the post's link. */
	private static void publish(NetworkJourney journey, String shot, String account, String why) {
		journey.compose(account);
		journey.breakRule("x".repeat(3001), "3001 / 3000", why, shot + "-3-over-the-limit");
		journey.fixed(FIXED, FIXED.length() + " / 3000");
		journey.publishNow("https://www.linkedin.com/feed/update/urn:li:share:", shot + "-4-published");
	}
}
