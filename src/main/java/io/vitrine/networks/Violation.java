package io.vitrine.networks;

/**
 * One broken rule, named so a person can fix it: which network, which field, which rule.
 *
 * @param network the network's display name ("Bluesky")
 * @param field "text", "link", "images", "images[1].altText"...
 * @param rule a stable machine name ("max-graphemes", "max-images")
 * @param message a sentence for people, in English (the UI translates by rule when it can)
 */
public record Violation(String network, String field, String rule, String message) {
}
