package io.vitrine.workspaces.members;

import io.vitrine.workspaces.Role;

import java.time.Instant;
import java.util.UUID;

/** A member as listed to the other members. */
record MemberView(UUID userId, String email, String displayName, Role role, Instant since) {
}
