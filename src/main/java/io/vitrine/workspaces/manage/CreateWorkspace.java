package io.vitrine.workspaces.manage;

import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Anyone signed in may start a workspace; they become its owner. */
@Service
public class CreateWorkspace {

	private final WorkspaceStore store;

	CreateWorkspace(WorkspaceStore store) {
		this.store = store;
	}

	@Transactional
	public WorkspaceSummary create(CurrentUser user, String name, String timeZone) {
		WorkspaceRules.Checked checked = WorkspaceRules.check("name", name, "timeZone", timeZone);
		return store.create(user.id(), checked.name(), checked.zone());
	}
}
