package io.vitrine.networks.oauth;

import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.testsupport.IsolationFixtures;

import java.util.List;
import java.util.Map;

/** An account choice waiting in workspace B, for the cross-workspace isolation test. */
class AccountChoiceIsolationFixtures implements IsolationFixtures {

	private final AccountChoices choices;

	AccountChoiceIsolationFixtures(AccountChoices choices) {
		this.choices = choices;
	}

	@Override
	public Map<String, String> create(WorkspaceB b) {
		NetworkLimits limits = new NetworkLimits(3000, 0, 0, 20, 0, 4086);
		NetworkId network = new NetworkId("linkedin");
		List<NewConnection> offered = List.of(
				new NewConnection(network, "https://www.linkedin.com", "urn:li:person:B0b", "Bob of B", null, limits,
						new Credentials(Map.of("accessToken", "b-secret-token"))),
				new NewConnection(network, "https://www.linkedin.com", "urn:li:organization:4242", "B's secret page", null, limits,
						new Credentials(Map.of("accessToken", "b-secret-token"))));
		return Map.of("choiceId", choices.offer(b.owner().id(), b.workspaceId(), network, offered), "network", "linkedin");
	}
}
