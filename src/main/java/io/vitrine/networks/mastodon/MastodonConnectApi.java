package io.vitrine.networks.mastodon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.web.ConnectionJson;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/connections/mastodon")
@Tag(name = "Connections")
class MastodonConnectApi {

	@Schema(name = "MastodonTokenConnect")
	record TokenConnect(@Schema(description = "The instance, e.g. mastodon.social", requiredMode = Schema.RequiredMode.REQUIRED)
	String instanceUrl,
			@Schema(description = "A personal access token with the scopes " + StartAuthorization.SCOPES,
					requiredMode = Schema.RequiredMode.REQUIRED) String accessToken) {
	}

	@Schema(name = "MastodonAuthorizeRequest")
	record AuthorizeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String instanceUrl) {
	}

	@Schema(name = "MastodonAuthorization")
	record Authorization(@Schema(description = "Open this address in a browser signed in to Vitrine as the same person; "
			+ "the instance sends it back to Vitrine, which saves the account") String authorizeUrl) {
	}

	private final ConnectWithToken withToken;

	private final StartAuthorization authorization;

	private final WorkspaceAccess access;

	MastodonConnectApi(ConnectWithToken withToken, StartAuthorization authorization, WorkspaceAccess access) {
		this.withToken = withToken;
		this.authorization = authorization;
		this.access = access;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Connect a Mastodon account with a personal access token",
			description = "Reconnecting an account already connected replaces its token and makes it active again.")
	ConnectionJson connect(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody TokenConnect body) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		return ConnectionJson.of(withToken.connect(workspaceId, body.instanceUrl(), body.accessToken()));
	}

	@PostMapping("/authorize")
	@Operation(summary = "Start connecting a Mastodon account with OAuth: returns the instance's authorization address")
	Authorization authorize(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody AuthorizeRequest body) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		return new Authorization(authorization.start(user.id(), workspaceId, body.instanceUrl()));
	}
}
