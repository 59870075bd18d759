package io.vitrine.categories;

import java.util.UUID;

/** One of a workspace's content pillars, with the colour the calendar shows it in ({@code #2a9d8f}). */
public record ContentCategory(UUID id, String name, String color) {
}
