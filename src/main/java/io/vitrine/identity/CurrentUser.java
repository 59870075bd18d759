package io.vitrine.identity;

import java.io.Serializable;
import java.util.UUID;

/**
 * The signed-in person (session or API token). Controllers take it as a method parameter. It is
 * also the principal of every authentication Vitrine makes, hence serializable (it lives in the
 * HTTP session).
 */
public record CurrentUser(UUID id, String email, String displayName) implements Serializable {
}
