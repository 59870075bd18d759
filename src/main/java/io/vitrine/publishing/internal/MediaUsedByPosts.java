package io.vitrine.publishing.internal;

import io.vitrine.media.MediaUsers;
import io.vitrine.publishing.TargetState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** A file stays in the library while a target that has not reached a final state (or failed, retryable) uses it. */
@Component
class MediaUsedByPosts implements MediaUsers {

	private static final String DONE = "'" + TargetState.PUBLISHED.dbValue() + "', '" + TargetState.CANCELLED.dbValue() + "'";

	private final JdbcClient jdbc;

	MediaUsedByPosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int unfinishedUses(UUID mediaId) {
		return jdbc.sql("select count(distinct t.post_id) from post_target_media m join post_target t on t.id = m.target_id"
				+ " where m.media_id = ? and t.state not in (" + DONE + ")")
			.param(mediaId)
			.query(Integer.class)
			.single();
	}
}
