package io.vitrine.publishing;

/** Some targets are due now ("post now", a schedule in the past minute): the engine should look at once. */
public record TargetsBecameDue(int count) {
}
