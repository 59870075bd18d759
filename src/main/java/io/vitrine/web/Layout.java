package io.vitrine.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.WorkspaceSummary;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/**
 * What {@code templates/layout.html} shows around every page: who is signed in, their workspaces
 * for the switcher, the workspace of the current URL and which of its sections is open.
 */
public record Layout(CurrentUser user, List<WorkspaceSummary> workspaces, WorkspaceSummary current, String section,
		String path, String query) {

	static Layout signedOut(String path, String query) {
		return new Layout(null, List.of(), null, null, path, query);
	}

	public boolean signedIn() {
		return user != null;
	}

	public boolean isCurrent(UUID workspaceId) {
		return current != null && current.id().equals(workspaceId);
	}

	public boolean inSection(String name) {
		return name.equals(section);
	}

	/** This page in another language, keeping its other query parameters (a setup link's token). */
	public String languageLink(String language) {
		return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build().toUriString();
	}
}
