package io.vitrine.testsupport;

import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a rendered page sits inside the shared layout (templates/layout.html) rather than
 * standing alone or carrying a second document of its own: one {@code <html>}, one {@code <main>},
 * the site header with the skip link, and the user menu of the person signed in.
 */
public final class LayoutAssertions {

	private LayoutAssertions() {
	}

	public static void assertInLayout(String html, People.Person signedIn) {
		assertThat(count(html, "<html")).as("documents in the page").isEqualTo(1);
		assertThat(count(html, "<main")).as("<main> elements in the page").isEqualTo(1);
		assertThat(count(html, "site-header\"")).as("site headers in the page").isEqualTo(1);
		assertThat(html).contains("class=\"skip-link\" href=\"#content\"", "<header class=\"container site-header\">",
				"<div id=\"notice\" role=\"status\" aria-live=\"polite\">", "<footer class=\"container site-footer\">");
		assertThat(html).as("the user menu").contains(">" + signedIn.user().displayName() + "</summary>", signedIn.email());
	}

	/** The workspace navigation is there, with {@code section} marked as the current page. */
	public static void assertWorkspaceNav(String html, UUID workspaceId, String section) {
		assertThat(html).contains("class=\"workspace-nav\"");
		assertThat(html).as("nav entry " + section + " is the current page")
			.containsPattern(Pattern.compile("<a href=\"/w/" + workspaceId + "/" + section + "\"[^>]*aria-current=\"page\""));
		assertThat(count(html, "aria-current=\"page\"")).as("entries marked as the current page").isEqualTo(1);
	}

	private static int count(String html, String needle) {
		int count = 0;
		for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + needle.length())) {
			count++;
		}
		return count;
	}
}
