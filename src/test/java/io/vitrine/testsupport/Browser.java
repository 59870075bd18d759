package io.vitrine.testsupport;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's chromium driven by Playwright for Java (its own browser download is disabled), one
 * fresh profile per test. Screenshots go to target/test-artifacts/screenshots/.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private final BrowserContext context;

	private final Page page;

	private Browser(String locale) {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("Debian's chromium is missing at " + CHROMIUM + ": run scripts/test-deps.sh");
		}
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--no-first-run", "--disable-sync")));
		context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setLocale(locale)
			.setViewportSize(1280, 900));
		page = context.newPage();
	}

	public static Browser open(String locale) {
		return new Browser(locale);
	}

	public Page page() {
		return page;
	}

	public Path screenshot(String name) {
		Path file = Path.of("target", "test-artifacts", "screenshots", name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	@Override
	public void close() {
		context.close();
		browser.close();
		playwright.close();
	}
}
