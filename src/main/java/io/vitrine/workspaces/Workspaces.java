package io.vitrine.workspaces;

import io.vitrine.identity.CurrentUser;

import java.util.List;

/** The workspaces a person belongs to. */
public interface Workspaces {

	/** Sorted by name, then id, so the switcher keeps a stable order. */
	List<WorkspaceSummary> of(CurrentUser user);
}
