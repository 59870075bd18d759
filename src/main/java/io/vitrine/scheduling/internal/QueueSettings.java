package io.vitrine.scheduling.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each account's posting slots and daily cap. */
@Component
public class QueueSettings {

	public record AccountQueue(UUID connectionId, List<Slot> slots, Integer dailyCap) {

		public static AccountQueue empty(UUID connectionId) {
			return new AccountQueue(connectionId, List.of(), null);
		}
	}

	private final JdbcClient jdbc;

	QueueSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public AccountQueue of(UUID workspaceId, UUID connectionId) {
		return read(workspaceId, connectionId, "");
	}

	/**
	 * Reads the account's queue and locks its row until the transaction ends: "add to queue" on one
	 * account is serialized, so two people queuing at the same moment never both take one slot.
	 */
	public Optional<AccountQueue> lock(UUID workspaceId, UUID connectionId) {
		AccountQueue queue = read(workspaceId, connectionId, " for update");
		return queue.slots().isEmpty() ? Optional.empty() : Optional.of(queue);
	}

	private AccountQueue read(UUID workspaceId, UUID connectionId, String lock) {
		// A row holds the cap, possibly null ("no cap"): read as a one-element list to tell it from no row.
		List<Optional<Integer>> found = jdbc.sql("select daily_cap from queue_account where connection_id = ? and workspace_id = ?" + lock)
			.params(connectionId, workspaceId)
			.query((rs, n) -> Optional.ofNullable(rs.getObject("daily_cap", Integer.class)))
			.list();
		if (found.isEmpty()) {
			return AccountQueue.empty(connectionId);
		}
		Optional<Integer> cap = found.getFirst();
		List<Slot> slots = jdbc.sql("select day_of_week, local_time from queue_slot where connection_id = ?")
			.param(connectionId)
			.query((rs, row) -> new Slot(DayOfWeek.of(rs.getInt("day_of_week")), LocalTime.parse(rs.getString("local_time"))))
			.list()
			.stream()
			.sorted()
			.toList();
		return new AccountQueue(connectionId, slots, cap.orElse(null));
	}

	public void save(UUID workspaceId, UUID connectionId, Collection<Slot> slots, Integer dailyCap, Instant now) {
		// Update first, insert when absent: both databases, no MERGE dialects.
		int updated = jdbc.sql("update queue_account set daily_cap = ?, updated_at = ? where connection_id = ? and workspace_id = ?")
			.params(dailyCap, now.atOffset(ZoneOffset.UTC), connectionId, workspaceId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into queue_account (connection_id, workspace_id, daily_cap, updated_at) values (?, ?, ?, ?)")
				.params(connectionId, workspaceId, dailyCap, now.atOffset(ZoneOffset.UTC))
				.update();
		}
		jdbc.sql("delete from queue_slot where connection_id = ?").param(connectionId).update();
		for (Slot slot : slots.stream().distinct().sorted().toList()) {
			jdbc.sql("insert into queue_slot (connection_id, day_of_week, local_time) values (?, ?, ?)")
				.params(connectionId, slot.day().getValue(), slot.time().toString())
				.update();
		}
	}
}
