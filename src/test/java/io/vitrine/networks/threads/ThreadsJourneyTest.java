package io.vitrine.networks.threads;

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
 * Threads as a new user meets it, in a real browser against a separate Vitrine process: Threads' OAuth on (a local)
 * threads.net, a post over 500 characters and its message, the fixed post published with its link; then in French.
 */
class ThreadsJourneyTest {

	@Test
	void connects_a_threads_profile_in_a_browser_explains_the_limit_and_publishes_in_english_and_french() throws Exception {
		Path data = Files.createTempDirectory("vitrine-threads");
		try (ThreadsApiServer threads = new ThreadsApiServer(Clock.systemUTC())) {
			Map<String, String> env = NetworkJourney.environment(data, "Boulangerie Martin", NetworkJourney.QUICK_ENGINE,
					Map.entry("VITRINE_THREADS_APP_ID", ThreadsApiServer.APP_ID),
					Map.entry("VITRINE_THREADS_APP_SECRET", ThreadsApiServer.APP_SECRET),
					Map.entry("VITRINE_THREADS_AUTHORIZATION_URI", threads.authorizationUri()),
					Map.entry("VITRINE_THREADS_API_URL", threads.url()));
			try (VitrineProcess app = VitrineProcess.start("threads-journey", env)) {
				try (Browser browser = Browser.open("en-GB")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, threads, "Connect with Threads", "threads-en");
					assertThat(journey.page().locator("#notice")).containsText("boulangerie.martin is connected.");
					publish(journey, "threads-en", "Threads counts 501 characters; the limit is 500.");
					assertThat(threads.posts()).hasSize(1);
				}
				try (Browser browser = Browser.open("fr-FR")) {
					NetworkJourney journey = NetworkJourney.signedIn(browser, app);
					connect(journey, threads, "Se connecter avec Threads", "threads-fr");
					assertThat(journey.page().locator("#notice")).containsText("boulangerie.martin est connecté.");
					publish(journey, "threads-fr", "Threads compte 501 caractères ; la limite est de 500.");
					assertThat(threads.posts()).hasSize(2);
				}
			}
			assertThat(threads.violations()).as("requests outside the Threads documentation").isEmpty();
		}
	}

	private static void connect(NetworkJourney journey, ThreadsApiServer threads, String connect, String shot) {
		journey.consent(connect, threads.authorizationUri(), shot + "-1-threads-authorization", "Continue");
		journey.backAt("/connections", shot + "-1-failed", "Threads", threads::violations);
		journey.browser().screenshot(shot + "-2-connected");
	}

	/** Breaks the length rule and reads {@code why} in the page's language, fixes the text, posts now, sees the link. */
	private static void publish(NetworkJourney journey, String shot, String why) {
		journey.compose(ThreadsApiServer.USERNAME);
		journey.breakRule("🥐".repeat(501), "501 / 500", why, shot + "-3-over-the-limit");
		journey.fixed("Fournée du matin : pain au levain, baguettes, croissants.");
		journey.publishNow("https://www.threads.net/@boulangerie.martin/post/", shot + "-4-published");
	}
}
