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

/** Gives a member another role; the last owner cannot be demoted. */
@Service
class ChangeRole {

	private final WorkspaceAccess access;

	private final WorkspaceStore store;

	ChangeRole(WorkspaceAccess access, WorkspaceStore store) {
		this.access = access;
		this.store = store;
	}

	@Transactional
	Role change(CurrentUser user, UUID workspaceId, UUID memberId, String roleName) {
		Member admin = access.require(user, workspaceId);
		Policies.require(Policies.MAY_MANAGE_MEMBERS, admin, "change roles");
		Role role = Role.parse("role", roleName);
		store.lock(workspaceId);
		Member target = store.member(memberId, workspaceId).orElseThrow(() -> new NotFound("member"));
		if (role == Role.OWNER || target.role() == Role.OWNER) {
			Policies.require(Policies.MAY_MANAGE_OWNERS, admin, "grant or take away the owner role");
		}
		if (target.role() == Role.OWNER && role != Role.OWNER && store.ownerCount(workspaceId) <= 1) {
			throw InvalidInput.of("role", "last-owner", "the workspace must keep at least one owner");
		}
		store.changeRole(workspaceId, memberId, role);
		return role;
	}
}
