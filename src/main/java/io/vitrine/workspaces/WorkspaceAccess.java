package io.vitrine.workspaces;

import io.vitrine.identity.CurrentUser;

import java.util.UUID;

/** The one door into a workspace: every controller asks here first. */
public interface WorkspaceAccess {

	/** @throws io.vitrine.shared.NotFound when the user is not a member: a stranger learns nothing. */
	Member require(CurrentUser user, UUID workspaceId);
}
