package io.vitrine.testsupport;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The browser steps every network's journey walks in a separate Vitrine process: the owner signs in, goes from the
 * connections page to the network's (local) consent page and back, picks accounts, and publishes from the composer.
 * What each network shows on the way (its limits, its messages, its links) stays asserted in its own journey.
 */
public final class NetworkJourney {

	public static final String EMAIL = "owner@example.com";

	public static final String PASSWORD = "correct horse battery";

	/** The engine looks for due posts every half second, so a post sent now is published while the browser waits. */
	public static final Map.Entry<String, String> QUICK_ENGINE = Map.entry("VITRINE_ENGINE_POLL_INTERVAL", "500ms");

	private final Browser browser;

	private final Page page;

	private final String base;

	private String workspace;

	public NetworkJourney(Browser browser, String base) {
		this.browser = browser;
		this.page = browser.page();
		this.base = base;
	}

	/** A browser signed in as the owner on a running Vitrine process. */
	public static NetworkJourney signedIn(Browser browser, VitrineProcess app) {
		NetworkJourney journey = new NetworkJourney(browser, "http://localhost:" + app.port());
		journey.signIn();
		return journey;
	}

	/** A Vitrine process's settings: data folder, owner and workspace, local servers allowed, and the network's own. */
	@SafeVarargs
	public static Map<String, String> environment(Path data, String workspaceName, Map.Entry<String, String>... network) {
		Map<String, String> env = new HashMap<>(Map.of("VITRINE_DATA_DIR", data.toString(), "VITRINE_OUTBOUND_ALLOW_PRIVATE",
				"true", "VITRINE_OWNER_EMAIL", EMAIL, "VITRINE_OWNER_PASSWORD", PASSWORD, "VITRINE_OWNER_WORKSPACE", workspaceName));
		for (Map.Entry<String, String> entry : network) {
			env.put(entry.getKey(), entry.getValue());
		}
		return Map.copyOf(env);
	}

	public Page page() {
		return page;
	}

	public Browser browser() {
		return browser;
	}

	public String workspace() {
		return workspace;
	}

	/** Signs in as the owner; returns the id of the workspace the home page leads to. */
	public String signIn() {
		page.navigate(base + "/login");
		page.fill("#email", EMAIL);
		page.fill("#password", PASSWORD);
		page.locator("main button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/[0-9a-f-]+/.*"));
		workspace = page.url().replaceAll(".*/w/([0-9a-f-]+)/.*", "$1");
		return workspace;
	}

	/** Opens a page of the workspace, such as "/compose" or "/connections". */
	public void open(String path) {
		page.navigate(base + "/w/" + workspace + path);
	}

	public void click(String button) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
	}

	/**
	 * Presses the network's connect button, waits for its consent page at {@code authorizationUri}, keeps a screenshot
	 * of it and accepts it with {@code accept}.
	 */
	public void consent(String connect, String authorizationUri, String consentShot, String accept) {
		open("/connections");
		click(connect);
		page.waitForURL(Pattern.compile(Pattern.quote(authorizationUri) + ".*"));
		browser.screenshot(consentShot);
		click(accept);
	}

	/**
	 * Waits to be back in the workspace at {@code path} (a regular expression); when stuck, keeps a screenshot and
	 * says where the browser is and what the network's local server saw.
	 */
	public void backAt(String path, String failedShot, String network, Supplier<?> violations) {
		try {
			page.waitForURL(Pattern.compile(".*/w/" + workspace + path));
		}
		catch (RuntimeException e) {
			browser.screenshot(failedShot);
			throw new AssertionError("stuck at " + page.url() + ", " + network + " saw " + violations.get(), e);
		}
	}

	/** On the network's choice page: presses the button that connects the ticked accounts, and waits for the connections. */
	public void connectChosen(String button) {
		click(button);
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/connections"));
	}

	/** On the network's choice page, under its {@code heading}: ticks the account labelled {@code account}. */
	public void choose(String heading, String account) {
		assertThat(page.locator("h1")).hasText(heading);
		page.getByLabel(account).check();
	}

	/** Connects the ticked accounts and reads Vitrine's notice about it. */
	public void connectChosen(String button, String notice) {
		connectChosen(button);
		assertThat(page.locator("#notice")).containsText(notice);
	}

	/** Opens the composer and ticks the account whose label shows {@code account}. */
	public void compose(String account) {
		open("/compose");
		tick(account);
	}

	/** Ticks, in the composer, the account whose label shows {@code account}. */
	public void tick(String account) {
		page.locator("label").filter(new Locator.FilterOptions().setHasText(account)).locator("input[name=accounts]").check();
	}

	/** Writes {@code text} in the composer and reads the counter and the message of the one rule it breaks. */
	public void breakRule(String text, String counter, String violation, String shot) {
		page.fill("#text", text);
		assertThat(page.locator("#checks .counter")).hasText(counter);
		assertThat(page.locator("#checks .violation")).hasText(violation);
		browser.screenshot(shot);
	}

	/** Writes {@code text} in the composer, which breaks no rule now. */
	public void fixed(String text) {
		page.fill("#text", text);
		assertThat(page.locator("#checks .violation")).hasCount(0);
	}

	/** {@link #fixed(String)}, reading the counter first. */
	public void fixed(String text, String counter) {
		page.fill("#text", text);
		assertThat(page.locator("#checks .counter")).hasText(counter);
		assertThat(page.locator("#checks .violation")).hasCount(0);
	}

	/** Sends the composed post now and waits for the posts page. */
	public void sendNow() {
		page.check("input[name=publish][value=now]");
		page.locator("#composer button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/w/" + workspace + "/posts"));
	}

	/** Waits (up to 30 s, the engine works in the background) for the newest post to reach {@code state}. */
	public void expectNewestPost(String state) {
		assertThat(page.locator("[data-state]").first()).hasAttribute("data-state", state,
				new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
	}

	/** Sends now, waits for the post to be published and sees its link on the network, starting with {@code link}. */
	public void publishNow(String link, String publishedShot) {
		sendNow();
		expectNewestPost("published");
		page.reload();
		assertThat(page.locator("main a[href*='" + link + "']").first()).isVisible();
		browser.screenshot(publishedShot);
	}
}
