package io.vitrine.scheduling.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Which targets the queue placed: only those are shuffled and reordered; posts set at a fixed time stay put. */
@Component
public class QueueEntries {

	private final JdbcClient jdbc;

	QueueEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(UUID targetId, UUID postId, UUID workspaceId, UUID connectionId, Instant now) {
		jdbc.sql("insert into queue_entry (target_id, post_id, workspace_id, connection_id, created_at) values (?, ?, ?, ?, ?)")
			.params(targetId, postId, workspaceId, connectionId, now.atOffset(ZoneOffset.UTC))
			.update();
	}

	public Set<UUID> of(UUID workspaceId, UUID connectionId) {
		return new HashSet<>(jdbc.sql("select target_id from queue_entry where workspace_id = ? and connection_id = ?")
			.params(workspaceId, connectionId)
			.query(UUID.class)
			.list());
	}

	public boolean contains(UUID workspaceId, UUID targetId) {
		return jdbc.sql("select count(*) from queue_entry where workspace_id = ? and target_id = ?")
			.params(workspaceId, targetId)
			.query(Integer.class)
			.single() > 0;
	}
}
