package io.vitrine.publishing;

/**
 * What a linked page says about itself (its Open Graph tags, else its title and description), as networks show it
 * under a post.
 *
 * @param url the address that answered, after redirects
 * @param image an absolute address, or null
 */
public record LinkPreview(String url, String siteName, String title, String description, String image) {
}
