package io.vitrine.workspaces;

import java.util.List;
import java.util.UUID;

/** Who is in a workspace, for other modules (the approval workflow chooses its people here). */
public interface WorkspaceMembers {

	/** A member as other modules see them: no e-mail. */
	record Person(UUID userId, String displayName, Role role) {
	}

	/** Without a permission check: callers have checked the asker is a member. Sorted by name. */
	List<Person> of(UUID workspaceId);
}
