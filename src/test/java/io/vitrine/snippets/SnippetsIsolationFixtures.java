package io.vitrine.snippets;

import io.vitrine.testsupport.IsolationFixtures;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Role;

import java.time.ZoneId;
import java.util.Map;

/** A caption template in workspace B, for the isolation walk. */
class SnippetsIsolationFixtures implements IsolationFixtures {

	private final Snippets snippets;

	SnippetsIsolationFixtures(Snippets snippets) {
		this.snippets = snippets;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		Member owner = new Member(b.owner().id(), b.workspaceId(), "B", Role.OWNER, ZoneId.of("Europe/Paris"));
		return Map.of("snippetId", snippets.create(owner, SnippetKind.TEMPLATE, "B's secret template", "Secret {{launch}}").id().toString());
	}
}
