package io.vitrine.networks.mastodon;

import io.vitrine.networks.ConnectionView;
import io.vitrine.shared.InvalidInput;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Connects an account from a personal access token the owner created in the instance's settings. */
@Component
class ConnectWithToken {

	static final String TOKEN_FIELD = "accessToken";

	private final MastodonAccounts accounts;

	ConnectWithToken(MastodonAccounts accounts) {
		this.accounts = accounts;
	}

	ConnectionView connect(UUID workspaceId, String instanceUrl, String accessToken) {
		String server = InstanceUrl.normalize(instanceUrl);
		if (accessToken == null || accessToken.isBlank()) {
			throw InvalidInput.of(TOKEN_FIELD, "required", "Paste the access token from Preferences → Development on your instance.");
		}
		return accounts.save(workspaceId, server, accessToken.strip(), TOKEN_FIELD);
	}
}
