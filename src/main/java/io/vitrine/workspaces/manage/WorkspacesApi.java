package io.vitrine.workspaces.manage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.Workspaces;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces")
@Tag(name = "Workspaces", description = "Workspaces you belong to (a brand, a client)")
class WorkspacesApi {

	@Schema(name = "Workspace")
	record WorkspaceJson(UUID id, String name,
			@Schema(description = "IANA time zone, the default for the workspace's accounts", example = "Europe/Paris") String timeZone,
			@Schema(description = "your role in it", example = "OWNER") String role) {

		static WorkspaceJson of(WorkspaceSummary w) {
			return new WorkspaceJson(w.id(), w.name(), w.timeZone().getId(), w.role().name());
		}
	}

	@Schema(name = "NewWorkspace")
	record NewWorkspace(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "My brand") String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Europe/Paris") String timeZone) {
	}

	@Schema(name = "WorkspaceChange", description = "only the fields you send change")
	record WorkspaceChange(@Schema(maxLength = 200) String name, @Schema(example = "America/Toronto") String timeZone) {
	}

	private final Workspaces workspaces;

	private final WorkspaceAccess access;

	private final CreateWorkspace create;

	private final UpdateWorkspace update;

	WorkspacesApi(Workspaces workspaces, WorkspaceAccess access, CreateWorkspace create, UpdateWorkspace update) {
		this.workspaces = workspaces;
		this.access = access;
		this.create = create;
		this.update = update;
	}

	@GetMapping
	@Operation(summary = "List the workspaces you are a member of")
	List<WorkspaceJson> list(CurrentUser user) {
		return workspaces.of(user).stream().map(WorkspaceJson::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a workspace; you become its owner")
	WorkspaceJson create(CurrentUser user, @RequestBody NewWorkspace body) {
		return WorkspaceJson.of(create.create(user, body.name(), body.timeZone()));
	}

	@GetMapping("/{workspaceId}")
	@Operation(summary = "One workspace (404 unless you are a member)")
	WorkspaceJson get(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		return new WorkspaceJson(workspaceId, member.workspaceName(), member.workspaceZone().getId(), member.role().name());
	}

	@PatchMapping("/{workspaceId}")
	@Operation(summary = "Rename a workspace or change its time zone (owners and admins)")
	WorkspaceJson change(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody WorkspaceChange body) {
		return WorkspaceJson.of(update.update(user, workspaceId, body.name(), body.timeZone()));
	}
}
