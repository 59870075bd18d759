package io.vitrine.categories;

import io.vitrine.testsupport.IsolationFixtures;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;

import java.time.ZoneId;
import java.util.Map;

/** A content category in workspace B, for the isolation walk. */
class CategoriesIsolationFixtures implements IsolationFixtures {

	private final ContentCategories categories;

	CategoriesIsolationFixtures(ContentCategories categories) {
		this.categories = categories;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		Member owner = new Member(b.owner().id(), b.workspaceId(), "B", Role.OWNER, ZoneId.of("Europe/Paris"));
		return Map.of("categoryId", categories.create(owner, "B's secret pillar", null).id().toString());
	}
}
