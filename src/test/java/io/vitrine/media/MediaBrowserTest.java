package io.vitrine.media;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.testsupport.Browser;
import io.vitrine.testsupport.TestAccounts;
import io.vitrine.testsupport.OnH2;
import io.vitrine.testsupport.People;
import io.vitrine.testsupport.TestMedia;
import io.vitrine.workspaces.WorkspaceSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The media library in a real browser (Debian's chromium): upload an image, give it alt text and a tag,
 * crop it to 4:5, find it by searching, attach a video in the composer and see Mastodon refuse it, and
 * the same library in French. Screenshots land in target/test-artifacts/screenshots/media-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MediaBrowserTest implements OnH2 {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Connections connections;

	@Autowired
	MediaLibrary library;

	@Test
	void an_image_is_uploaded_described_tagged_cropped_to_four_five_and_found_in_english_and_in_french() {
		People people = new People(context, mvc);
		People.Person owner = people.person("Mia Media");
		WorkspaceSummary workspace = people.workspace(owner, "Bakery");
		ConnectionView mastodon = TestAccounts.mastodon(connections, workspace.id(), "@mia@bakery.example");
		library.store(workspace.id(), "opening-reel.mp4", TestMedia.mp4(1080, 1920, 15_000));
		String base = "http://localhost:" + port;
		String media = base + "/w/" + workspace.id() + "/media";

		try (Browser browser = Browser.open("en-US")) {
			Page page = browser.page();
			page.onPageError(e -> System.out.println("browser error: " + e));
			signIn(page, base, owner);
			page.navigate(media);
			assertThat(page.locator("h1")).hasText("Media library");
			assertThat(page.locator(".workspace-nav a[aria-current=page]")).hasText("Media");

			page.locator(".media-upload summary").click();
			page.locator("#file").setInputFiles(new FilePayload("shop-front.png", "image/png", TestMedia.png(1000, 500)));
			browser.screenshot("media-1-upload");
			page.locator(".media-upload button[type=submit]").click();
			page.waitForURL(Pattern.compile(".*/media/[0-9a-f-]{36}$"));
			assertThat(page.locator("#notice")).containsText("shop-front.png is in the library.");
			assertThat(page.locator(".media-facts")).containsText("1000 × 500");
			assertThat(page.locator(".media-facts")).containsText("image/png");

			page.locator("#altText").fill("Our bakery's blue and red shop front");
			page.locator("#tags").fill("#Shop, summer");
			page.locator("form:has(#altText) button[type=submit]").click();
			assertThat(page.locator("#notice")).containsText("shop-front.png: saved.");
			assertThat(page.locator("#tags")).hasValue("shop, summer");
			assertThat(page.locator(".media-preview img")).hasAttribute("alt", "Our bakery's blue and red shop front");
			browser.screenshot("media-2-described");

			page.locator("input[name=ratio][value='4:5']").check();
			page.locator(".media-crop button[type=submit]").click();
			assertThat(page.locator("h1")).hasText("shop-front (4:5).png");
			assertThat(page.locator(".media-facts")).containsText("400 × 500");
			assertThat(page.locator(".media-facts")).containsText("Cropped from");
			assertThat(page.locator("#altText")).hasValue("Our bakery's blue and red shop front");
			browser.screenshot("media-3-cropped-4-5");

			page.navigate(media);
			assertThat(page.locator(".media-card")).hasCount(3);
			page.locator("#q").pressSequentially("blue and red");
			assertThat(page.locator(".media-card")).hasCount(2);
			page.locator("#q").fill("");
			page.locator("#q").pressSequentially("reel");
			assertThat(page.locator(".media-card")).hasCount(1);
			assertThat(page.locator(".media-card")).containsText("opening-reel.mp4");
			assertThat(page.locator(".media-card .media-icon")).isVisible();
			page.locator("#q").fill("");
			page.locator("#q").pressSequentially("4:5");
			assertThat(page.locator(".media-card")).hasCount(1);
			assertThat(page.locator(".media-card img")).isVisible();
			browser.screenshot("media-4-search");
			page.locator("#q").fill("");
			page.locator("#tag").selectOption("summer");
			assertThat(page.locator(".media-card")).hasCount(2);

			page.navigate(base + "/w/" + workspace.id() + "/compose");
			page.locator("input[name=accounts][value='" + mastodon.id() + "']").check();
			page.locator("#text").fill("We open on Saturday!");
			page.locator(".media-picker label:has-text('opening-reel.mp4') input").check();
			assertThat(page.locator("#checks .violation")).hasText("Vitrine cannot post videos to Mastodon yet; remove video 1.");
			browser.screenshot("media-5-composer-video-refused");
			page.locator(".media-picker label:has-text('opening-reel.mp4') input").uncheck();
			page.locator(".media-picker label:has-text('shop-front (4:5).png') input").check();
			assertThat(page.locator("#checks .violation")).hasCount(0);

			page.navigate(media + "?lang=fr");
			assertThat(page.locator("h1")).hasText("Médiathèque");
			page.locator("#q").pressSequentially("boulangerie");
			assertThat(page.locator(".media-card")).hasCount(0);
			assertThat(page.locator("#media-grid")).containsText("Aucun fichier ne correspond à cette recherche.");
			page.locator("#q").fill("");
			page.locator("#q").pressSequentially("shop");
			assertThat(page.locator(".media-card")).hasCount(2);
			page.locator(".media-upload summary").click();
			page.locator("#file").setInputFiles(new FilePayload("photo.png", "image/png", "<html>pas une image</html>".getBytes()));
			page.locator(".media-upload button[type=submit]").click();
			assertThat(page.locator("#file-error")).hasText("Choisissez une image JPEG, PNG, GIF ou WebP, ou une vidéo MP4 ou QuickTime.");
			assertThat(page.locator("#file")).hasAttribute("aria-invalid", "true");
			browser.screenshot("media-6-french-refused-file");
		}
	}

	private static void signIn(Page page, String base, People.Person person) {
		page.navigate(base + "/login");
		page.fill("#email", person.email());
		page.fill("#password", People.PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/.*"));
	}
}
