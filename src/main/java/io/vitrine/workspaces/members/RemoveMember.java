package io.vitrine.workspaces.members;

import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Takes a person out of a workspace (their account stays); the last owner cannot be removed. */
@Service
class RemoveMember {

	private final WorkspaceAccess access;

	private final WorkspaceStore store;

	RemoveMember(WorkspaceAccess access, WorkspaceStore store) {
		this.access = access;
		this.store = store;
	}

	@Transactional
	void remove(CurrentUser user, UUID workspaceId, UUID memberId) {
		Member admin = access.require(user, workspaceId);
		Policies.require(Policies.MAY_MANAGE_MEMBERS, admin, "remove members");
		store.lock(workspaceId);
		Member target = store.member(memberId, workspaceId).orElseThrow(() -> new NotFound("member"));
		if (target.role() == Role.OWNER) {
			Policies.require(Policies.MAY_MANAGE_OWNERS, admin, "remove an owner");
			if (store.ownerCount(workspaceId) <= 1) {
				throw InvalidInput.of("userId", "last-owner", "the workspace must keep at least one owner");
			}
		}
		store.removeMember(workspaceId, memberId);
	}
}
