package io.vitrine.workspaces;

import java.time.ZoneId;
import java.util.UUID;

/** A workspace as one of its members sees it in lists (the switcher, the API). */
public record WorkspaceSummary(UUID id, String name, ZoneId timeZone, Role role) {
}
