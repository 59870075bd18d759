package io.vitrine.identity;

import java.util.UUID;

/** The signed-in person (session or API token). Controllers take it as a method parameter. */
public record CurrentUser(UUID id, String email, String displayName) {
}
