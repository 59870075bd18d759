package io.vitrine.networks.mastodon;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NewConnection;
import io.vitrine.outbound.OutboundResponse;
import io.vitrine.shared.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

/** The last step of both ways of connecting: check the token, read the account, save it encrypted. */
@Component
class MastodonAccounts {

	private final MastodonApi api;

	private final MastodonInstances instances;

	private final Connections connections;

	MastodonAccounts(MastodonApi api, MastodonInstances instances, Connections connections) {
		this.api = api;
		this.instances = instances;
		this.connections = connections;
	}

	ConnectionView save(UUID workspaceId, String serverUrl, String accessToken, String tokenField) {
		MastodonInstances.Instance instance = instances.describe(serverUrl);
		OutboundResponse response = MastodonInstances.call(serverUrl, () -> api.verifyCredentials(serverUrl, accessToken));
		if (response.status() == 401 || response.status() == 403) {
			throw InvalidInput.of(tokenField, "token-refused", serverUrl + " refused this access token ("
					+ api.errorOf(response) + "). Check that it was copied whole and has not been revoked.");
		}
		JsonNode account = api.parse(response).filter(b -> response.successful()).orElseThrow(() -> InvalidInput.of(
				InstanceUrl.FIELD, "not-mastodon", serverUrl + " did not return the account (HTTP " + response.status() + ")."));
		String id = MastodonApi.text(account, "id");
		String acct = MastodonApi.text(account, "acct");
		if (id == null || acct == null) {
			throw InvalidInput.of(InstanceUrl.FIELD, "not-mastodon", serverUrl + " returned an account without id or name.");
		}
		String handle = "@" + (acct.contains("@") ? acct : acct + "@" + instance.domain());
		String displayName = MastodonApi.text(account, "display_name");
		return connections.connect(workspaceId, new NewConnection(MastodonConnector.ID, serverUrl, id, handle,
				displayName == null || displayName.isBlank() ? null : displayName, instance.limits(),
				new Credentials(Map.of(MastodonConnector.ACCESS_TOKEN, accessToken))));
	}
}
