package io.vitrine.media;

import java.util.UUID;

/**
 * Who still needs a file: implemented by the modules that attach media (publishing), so that the
 * library never deletes a file a post waiting to go out would send.
 */
public interface MediaUsers {

	/** How many unfinished uses (drafts, scheduled, in flight, unknown, failed but retryable) hold the file. */
	int unfinishedUses(UUID mediaId);
}
