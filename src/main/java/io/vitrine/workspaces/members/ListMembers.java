package io.vitrine.workspaces.members;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every member sees who else is in the workspace and with which role. */
@Service
class ListMembers {

	private final WorkspaceAccess access;

	private final WorkspaceStore store;

	private final Accounts accounts;

	ListMembers(WorkspaceAccess access, WorkspaceStore store, Accounts accounts) {
		this.access = access;
		this.store = store;
		this.accounts = accounts;
	}

	List<MemberView> list(CurrentUser user, UUID workspaceId) {
		access.require(user, workspaceId);
		List<WorkspaceStore.MembershipRow> rows = store.members(workspaceId);
		Map<UUID, CurrentUser> people = accounts.byIds(rows.stream().map(WorkspaceStore.MembershipRow::userId).toList());
		return rows.stream()
			.filter(row -> people.containsKey(row.userId()))
			.map(row -> {
				CurrentUser person = people.get(row.userId());
				return new MemberView(row.userId(), person.email(), person.displayName(), row.role(), row.since());
			})
			.toList();
	}
}
