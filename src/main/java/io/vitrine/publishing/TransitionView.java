package io.vitrine.publishing;

import java.time.Instant;

public record TransitionView(TargetState from, TargetState to, Instant at, String reason) {
}
