package io.vitrine.workspaces.members;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.WorkspaceMembers;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Component
class MemberDirectory implements WorkspaceMembers {

	private final WorkspaceStore store;

	private final Accounts accounts;

	MemberDirectory(WorkspaceStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public List<Person> of(UUID workspaceId) {
		List<WorkspaceStore.MembershipRow> rows = store.members(workspaceId);
		Map<UUID, CurrentUser> people = accounts.byIds(rows.stream().map(WorkspaceStore.MembershipRow::userId).toList());
		return rows.stream()
			.filter(row -> people.containsKey(row.userId()))
			.map(row -> new Person(row.userId(), people.get(row.userId()).displayName(), row.role()))
			.sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::userId))
			.toList();
	}
}
