package io.vitrine.networks.web;

import io.vitrine.testsupport.IsolationFixtures;

import java.util.Map;

/** The networks catalogue belongs to no workspace: every signed-in person reads the same list. */
class NetworksIsolationFixtures implements IsolationFixtures {

	@Override
	public Map<String, String> create(WorkspaceB b) {
		return Map.of();
	}

	@Override
	public Map<String, String> publicByDesign() {
		return Map.of("GET /api/v1/networks", "the networks this Vitrine speaks, their fields and quotas: the same for everyone");
	}
}
