package io.vitrine.networks.bluesky;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.web.ConnectionJson;
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
@RequestMapping("/api/v1/workspaces/{workspaceId}/connections/bluesky")
@Tag(name = "Connections", description = "Connected social accounts")
class BlueskyConnectionsApi {

	/** The REST twin of the connect form. */
	record ConnectRequest(
			@Schema(description = "Handle (alice.bsky.social), DID or e-mail of the account", example = "alice.bsky.social") String identifier,
			@Schema(description = "An app password made in Bluesky's settings (never the main password)", example = "abcd-efgh-ijkl-mnop") String appPassword,
			@Schema(description = "The server to sign in on; default https://bsky.social", example = "https://bsky.social") String serviceUrl) {
	}

	private final WorkspaceAccess access;

	private final ConnectBluesky connect;

	BlueskyConnectionsApi(WorkspaceAccess access, ConnectBluesky connect) {
		this.access = access;
		this.connect = connect;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Connect a Bluesky account with an app password",
			description = "Signs in once (com.atproto.server.createSession) and keeps the session, refreshed as needed. "
					+ "Connecting an account already connected in this workspace replaces its credentials and makes it active "
					+ "again (reconnect). 422 when Bluesky refuses the handle and app password or the server cannot be reached.")
	ConnectionJson connect(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody ConnectRequest request) {
		return ConnectionJson.of(connect.connect(access.require(user, workspaceId),
				new ConnectBluesky.Request(request.identifier(), request.appPassword(), request.serviceUrl())));
	}
}
