package io.vitrine.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PostView(UUID id, UUID workspaceId, UUID createdBy, Instant scheduledAt, String scheduledZone,
		Instant createdAt, List<TargetView> targets, PostLabels labels) {
}
