package io.vitrine.bench;

import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.shared.Ids;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the burst straight into the database: one workspace, A Mastodon connections pointing at
 * the load target, and T targets spread over them (posts of A targets each, like one post sent to
 * every account), all scheduled far ahead until {@link #makeDue} releases them at one instant.
 * Credentials are sealed by Vitrine's own CredentialVault with the keyset of the data folder the
 * Vitrine process uses, bound to each connection's id exactly as Vitrine binds them.
 */
final class Fixture {

	private static final int BATCH = 1000;

	private final Object vault;

	private final Method seal;

	Fixture(Path dataDir) throws ReflectiveOperationException {
		Class<?> type = Class.forName("io.vitrine.networks.internal.CredentialVault");
		Constructor<?> constructor = type.getDeclaredConstructor(String.class, Path.class);
		constructor.setAccessible(true);
		this.vault = constructor.newInstance("", dataDir);
		this.seal = type.getMethod("seal", Credentials.class, String.class);
	}

	void insert(Connection db, String loadTarget, int targets, int accounts) throws SQLException, ReflectiveOperationException {
		OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
		OffsetDateTime later = now.plusDays(1);
		UUID user = Ids.next();
		UUID workspace = Ids.next();
		db.setAutoCommit(false);
		try (PreparedStatement ps = db.prepareStatement("insert into app_user (id, email, display_name, password_hash, locale,"
				+ " created_at) values (?, ?, 'Bench', 'not-a-hash', 'en', ?)")) {
			ps.setObject(1, user);
			ps.setString(2, "bench-" + user + "@127.0.0.1");
			ps.setObject(3, now);
			ps.executeUpdate();
		}
		try (PreparedStatement ps = db.prepareStatement("insert into workspace (id, name, time_zone, created_at) values (?, 'Bench', 'UTC', ?)")) {
			ps.setObject(1, workspace);
			ps.setObject(2, now);
			ps.executeUpdate();
		}
		String limits = JsonMapper.builder().build().writeValueAsString(new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500));
		List<UUID> connections = new ArrayList<>();
		try (PreparedStatement ps = db.prepareStatement("insert into connection (id, workspace_id, network, server_url,"
				+ " remote_account_id, handle, display_name, status, limits_json, credentials, created_at, updated_at)"
				+ " values (?, ?, 'mastodon', ?, ?, ?, 'Bench', 'ACTIVE', ?, ?, ?, ?)")) {
			for (int i = 0; i < accounts; i++) {
				UUID id = Ids.next();
				connections.add(id);
				String account = "acct-" + i;
				ps.setObject(1, id);
				ps.setObject(2, workspace);
				ps.setString(3, loadTarget);
				ps.setString(4, account);
				ps.setString(5, account + "@127.0.0.1");
				ps.setString(6, limits);
				ps.setBytes(7, (byte[]) seal.invoke(vault, new Credentials(Map.of("accessToken", "tok-" + account)), id.toString()));
				ps.setObject(8, now);
				ps.setObject(9, now);
				ps.addBatch();
			}
			ps.executeBatch();
		}
		db.commit();
		try (PreparedStatement post = db.prepareStatement("insert into post (id, workspace_id, created_by, scheduled_at,"
				+ " scheduled_zone, created_at, updated_at) values (?, ?, ?, ?, 'UTC', ?, ?)");
				PreparedStatement target = db.prepareStatement("insert into post_target (id, post_id, workspace_id,"
						+ " connection_id, body, state, due_at, attempts, created_at, updated_at)"
						+ " values (?, ?, ?, ?, ?, 'scheduled', ?, 0, ?, ?)")) {
			UUID postId = null;
			int pending = 0;
			for (int i = 0; i < targets; i++) {
				if (i % accounts == 0) {
					postId = Ids.next();
					post.setObject(1, postId);
					post.setObject(2, workspace);
					post.setObject(3, user);
					post.setObject(4, later);
					post.setObject(5, now);
					post.setObject(6, now);
					post.executeUpdate();
				}
				target.setObject(1, Ids.next());
				target.setObject(2, postId);
				target.setObject(3, workspace);
				target.setObject(4, connections.get(i % accounts));
				target.setString(5, "Bench post number " + i + " of the burst");
				target.setObject(6, later);
				target.setObject(7, now);
				target.setObject(8, now);
				target.addBatch();
				if (++pending == BATCH) {
					target.executeBatch();
					db.commit();
					pending = 0;
				}
			}
			target.executeBatch();
			db.commit();
		}
		db.setAutoCommit(true);
	}

	/** Every scheduled target due at one instant, returned (at the database's microsecond precision). */
	static Instant makeDue(Connection db) throws SQLException {
		Instant due = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		try (PreparedStatement ps = db.prepareStatement("update post_target set due_at = ? where state = 'scheduled'")) {
			ps.setObject(1, due.atOffset(ZoneOffset.UTC));
			ps.executeUpdate();
		}
		return due;
	}
}
