package io.vitrine.workspaces.manage;

import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Renames a workspace or changes its default time zone; a value left null stays as it is. */
@Service
public class UpdateWorkspace {

	private final WorkspaceAccess access;

	private final WorkspaceStore store;

	UpdateWorkspace(WorkspaceAccess access, WorkspaceStore store) {
		this.access = access;
		this.store = store;
	}

	@Transactional
	public WorkspaceSummary update(CurrentUser user, UUID workspaceId, String name, String timeZone) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_CHANGE_SETTINGS, member, "change the workspace settings");
		WorkspaceRules.Checked checked = WorkspaceRules.check("name", name == null ? member.workspaceName() : name,
				"timeZone", timeZone == null ? member.workspaceZone().getId() : timeZone);
		store.update(workspaceId, checked.name(), checked.zone());
		return new WorkspaceSummary(workspaceId, checked.name(), checked.zone(), member.role());
	}
}
