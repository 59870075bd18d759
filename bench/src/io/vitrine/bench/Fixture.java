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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a scenario's targets straight into the database: one workspace, A connections pointing at
 * the load target (a share of them Bluesky accounts, the rest Mastodon), and T targets spread over
 * them (posts of A targets each, like one post sent to every account), all scheduled far ahead
 * until {@link #makeDue} releases them at one instant or {@link #spreadDue} over time.
 * Credentials are sealed by Vitrine's own CredentialVault with the keyset of the data folder the
 * Vitrine process uses, bound to each connection's id exactly as Vitrine binds them: a Mastodon
 * access token, or the Bluesky session the connect flow stores (DID, handle, PDS URL, access and
 * refresh tokens, app password). Half of the Bluesky sessions have an access token that expires in
 * four minutes, so Vitrine refreshes them (com.atproto.server.refreshSession) during the run.
 */
final class Fixture {

	private static final int BATCH = 1000;

	private final Object vault;

	private final Method seal;

	private final Method recordKey;

	Fixture(Path dataDir) throws ReflectiveOperationException {
		Class<?> type = Class.forName("io.vitrine.networks.internal.CredentialVault");
		Constructor<?> constructor = type.getDeclaredConstructor(String.class, Path.class);
		constructor.setAccessible(true);
		this.vault = constructor.newInstance("", dataDir);
		this.seal = type.getMethod("seal", Credentials.class, String.class);
		this.recordKey = Class.forName("io.vitrine.networks.bluesky.RecordKey").getDeclaredMethod("of", UUID.class);
		this.recordKey.setAccessible(true);
	}

	/** Whether account number {@code i} of {@code accounts} is a Bluesky one: evenly spread, {@code share} of them. */
	static boolean bluesky(int i, int accounts, double share) {
		return Math.floor((i + 1) * share) > Math.floor(i * share);
	}

	/**
	 * What the load target counts a target's posts by: its id (Mastodon's Idempotency-Key), or the
	 * account's DID and the record key (Bluesky: a record key is unique within one repository).
	 */
	String keyOf(UUID targetId, String network, String remoteAccount) throws ReflectiveOperationException {
		return network.equals("bluesky") ? remoteAccount + "/" + recordKey.invoke(null, targetId) : targetId.toString();
	}

	void insert(Connection db, LoadTarget load, String scenario, int targets, int accounts, double blueskyShare)
			throws SQLException, ReflectiveOperationException {
		String loadTarget = load.url();
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
		JsonMapper json = JsonMapper.builder().build();
		String mastodonLimits = json.writeValueAsString(new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500));
		String blueskyLimits = json.writeValueAsString(new NetworkLimits(300, 3000, 0, 4, 2_000_000, 2000));
		List<UUID> connections = new ArrayList<>();
		int blueskyAccounts = 0;
		try (PreparedStatement ps = db.prepareStatement("insert into connection (id, workspace_id, network, server_url,"
				+ " remote_account_id, handle, display_name, status, limits_json, credentials, created_at, updated_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)")) {
			for (int i = 0; i < accounts; i++) {
				UUID id = Ids.next();
				connections.add(id);
				ps.setObject(1, id);
				ps.setObject(2, workspace);
				ps.setString(4, loadTarget);
				if (bluesky(i, accounts, blueskyShare)) {
					// Every other Bluesky account: an access token inside Vitrine's five-minute refresh margin.
					Instant expiry = blueskyAccounts++ % 2 == 0 ? now.toInstant().plus(Duration.ofMinutes(4))
							: now.toInstant().plus(Duration.ofHours(2));
					LoadTarget.BlueskyAccount account = load.blueskyAccount(i, expiry);
					Map<String, String> session = new LinkedHashMap<>();
					session.put("did", account.did());
					session.put("handle", account.handle());
					session.put("pdsUrl", loadTarget);
					session.put("accessJwt", account.accessJwt());
					session.put("refreshJwt", account.refreshJwt());
					session.put("appPassword", account.appPassword());
					ps.setString(3, "bluesky");
					ps.setString(5, account.did());
					ps.setString(6, account.handle());
					ps.setString(7, null);
					ps.setString(8, blueskyLimits);
					ps.setBytes(9, (byte[]) seal.invoke(vault, new Credentials(session), id.toString()));
				}
				else {
					String account = "acct-" + i;
					ps.setString(3, "mastodon");
					ps.setString(5, account);
					ps.setString(6, account + "@127.0.0.1");
					ps.setString(7, "Bench");
					ps.setString(8, mastodonLimits);
					ps.setBytes(9, (byte[]) seal.invoke(vault, new Credentials(Map.of("accessToken", "tok-" + account)), id.toString()));
				}
				ps.setObject(10, now);
				ps.setObject(11, now);
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
				target.setString(5, "Bench post number " + i + " (" + scenario + ")");
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

	/**
	 * The scheduled targets due one after the other from {@code start}, {@code perSecond} of them per
	 * second, in id order (which alternates accounts).
	 */
	static void spreadDue(Connection db, Instant start, double perSecond) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (PreparedStatement ps = db.prepareStatement("select id from post_target where state = 'scheduled' order by id");
				var rs = ps.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		boolean auto = db.getAutoCommit();
		db.setAutoCommit(false);
		try (PreparedStatement ps = db.prepareStatement("update post_target set due_at = ? where id = ?")) {
			for (int i = 0; i < ids.size(); i++) {
				long micros = Math.round(i * 1_000_000.0 / perSecond);
				ps.setObject(1, start.plus(micros, java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
				ps.setObject(2, ids.get(i));
				ps.addBatch();
				if (i % BATCH == BATCH - 1) {
					ps.executeBatch();
				}
			}
			ps.executeBatch();
			db.commit();
		}
		finally {
			db.setAutoCommit(auto);
		}
	}
}
