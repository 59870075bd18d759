package io.vitrine.publishing;

import java.util.UUID;

/**
 * What a post is about, for planning and reports rather than for the networks: its content category (a pillar of
 * the workspace, see the categories module) and its campaign tag. The same on every network of the post.
 */
public record PostLabels(UUID categoryId, String campaign) {

	public static final int MAX_CAMPAIGN = 100;

	public static final PostLabels NONE = new PostLabels(null, null);

	public PostLabels {
		campaign = campaign == null || campaign.isBlank() ? null : campaign.strip().replaceAll("\\s+", " ");
	}
}
