package io.vitrine.workspaces;

import java.time.ZoneId;
import java.util.UUID;

/** A person acting inside one workspace, with the role they hold there. */
public record Member(UUID userId, UUID workspaceId, String workspaceName, Role role, ZoneId workspaceZone) {
}
