package io.vitrine.networks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.QuotaUsages;
import io.vitrine.shared.Zones;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/connections")
@Tag(name = "Connections", description = "Social accounts connected to a workspace")
class ConnectionsApi {

	@Schema(name = "ConnectionChange")
	record Change(@Schema(description = "IANA zone such as Europe/Paris; null or empty falls back to the workspace's zone")
	String timeZone) {
	}

	private final Connections connections;

	private final WorkspaceAccess access;

	private final QuotaUsages quotas;

	ConnectionsApi(Connections connections, WorkspaceAccess access, QuotaUsages quotas) {
		this.quotas = quotas;
		this.connections = connections;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "List the workspace's connected accounts, with their status and quota usage")
	List<ConnectionJson> list(CurrentUser user, @PathVariable UUID workspaceId) {
		Policies.require(Policies.MAY_VIEW, access.require(user, workspaceId), "see connections");
		return connections.list(workspaceId).stream().map(c -> ConnectionJson.of(c, quotas.of(c))).toList();
	}

	@GetMapping("/{connectionId}")
	@Operation(summary = "One connected account")
	ConnectionJson get(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId) {
		Policies.require(Policies.MAY_VIEW, access.require(user, workspaceId), "see connections");
		ConnectionView view = connections.get(workspaceId, connectionId);
		return ConnectionJson.of(view, quotas.of(view));
	}

	@PatchMapping("/{connectionId}")
	@Operation(summary = "Change the account's time zone override")
	ConnectionJson change(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId,
			@RequestBody Change change) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "change connections");
		ZoneId zone = change.timeZone() == null || change.timeZone().isBlank() ? null : Zones.parse("timeZone", change.timeZone());
		return ConnectionJson.of(connections.setTimeZone(workspaceId, connectionId, zone));
	}

	@DeleteMapping("/{connectionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Disconnect the account: its credentials are erased")
	void disconnect(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "disconnect accounts");
		connections.disconnect(workspaceId, connectionId);
	}
}
