package io.vitrine.networks.internal;

import io.vitrine.networks.AccountForSending;
import io.vitrine.networks.Channel;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NewConnection;
import io.vitrine.shared.Ids;
import io.vitrine.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link Connections} on the {@code connection} table; credentials sealed with the row's id as associated data. */
@Repository
class JdbcConnections implements Connections {

	private static final Logger log = LoggerFactory.getLogger(JdbcConnections.class);

	private static final String VIEW_COLUMNS = "id, workspace_id, network, server_url, handle, display_name, time_zone, "
			+ "status, status_reason, limits_json, paused_until, access_ends_at";

	private static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;

	private final CredentialVault vault;

	private final Clock clock;

	private final OpenedCredentials opened;

	JdbcConnections(JdbcClient jdbc, CredentialVault vault, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.clock = clock;
		this.opened = new OpenedCredentials(vault);
	}

	@Override
	public List<ConnectionView> list(UUID workspaceId) {
		return jdbc.sql("select " + VIEW_COLUMNS + " from connection where workspace_id = ? and status <> ? order by id")
			.params(workspaceId, ConnectionStatus.DISCONNECTED.name())
			.query(VIEW)
			.list();
	}

	@Override
	public ConnectionView get(UUID workspaceId, UUID connectionId) {
		return jdbc.sql("select " + VIEW_COLUMNS + " from connection where id = ? and workspace_id = ?")
			.params(connectionId, workspaceId)
			.query(VIEW)
			.optional()
			.orElseThrow(() -> new NotFound("connection"));
	}

	@Override
	public Channel openChannel(UUID connectionId) {
		record Row(UUID id, String network, String serverUrl, String remoteAccountId, String handle, String limits,
				String status, byte[] credentials) {
		}
		Row row = jdbc.sql("select id, network, server_url, remote_account_id, handle, limits_json, status, credentials "
				+ "from connection where id = ?")
			.param(connectionId)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("network"), rs.getString("server_url"),
					rs.getString("remote_account_id"), rs.getString("handle"), rs.getString("limits_json"),
					rs.getString("status"), rs.getBytes("credentials")))
			.optional()
			.filter(r -> !ConnectionStatus.DISCONNECTED.name().equals(r.status()))
			.orElseThrow(() -> new NotFound("connection"));
		Credentials credentials = opened.open(row.id(), row.credentials());
		return new StoredChannel(row.id(), new NetworkId(row.network()), row.serverUrl(), row.remoteAccountId(),
				row.handle(), LimitsJson.read(row.limits()), credentials, updated -> saveCredentials(row.id(), updated));
	}

	@Override
	public AccountForSending forSending(UUID workspaceId, UUID connectionId) {
		record Row(ConnectionView view, String remoteAccountId, byte[] credentials) {
		}
		Row row = jdbc.sql("select " + VIEW_COLUMNS + ", remote_account_id, credentials from connection where id = ? and workspace_id = ?")
			.params(connectionId, workspaceId)
			.query((rs, n) -> new Row(VIEW.mapRow(rs, n), rs.getString("remote_account_id"), rs.getBytes("credentials")))
			.optional()
			.orElseThrow(() -> new NotFound("connection"));
		ConnectionView view = row.view();
		if (view.status() == ConnectionStatus.DISCONNECTED) {
			return new AccountForSending(view, null);
		}
		Credentials credentials = opened.open(view.id(), row.credentials());
		return new AccountForSending(view, new StoredChannel(view.id(), view.network(), view.serverUrl(), row.remoteAccountId(),
				view.handle(), view.limits(), credentials, updated -> saveCredentials(view.id(), updated)));
	}

	private void saveCredentials(UUID id, Credentials credentials) {
		jdbc.sql("update connection set credentials = ?, access_ends_at = ?, updated_at = ? where id = ?")
			.params(vault.seal(credentials, id.toString()), accessEndsAt(credentials), now(), id)
			.update();
	}

	@Override
	public void markNeedsReconnect(UUID connectionId, String reason) {
		jdbc.sql("update connection set status = ?, status_reason = ?, updated_at = ? where id = ? and status <> ?")
			.params(ConnectionStatus.NEEDS_RECONNECT.name(), truncate(reason), now(), connectionId,
					ConnectionStatus.DISCONNECTED.name())
			.update();
	}

	@Override
	public void pauseUntil(UUID connectionId, Instant until, String reason) {
		OffsetDateTime at = until.atOffset(ZoneOffset.UTC);
		// A shorter pause never cuts a longer one short (two rate limits answered out of order).
		jdbc.sql("update connection set paused_until = case when paused_until is null or paused_until < ? then ? "
				+ "else paused_until end, updated_at = ? where id = ?")
			.params(at, at, now(), connectionId)
			.update();
		log.info("Connection {} paused until {}: {}", connectionId, until, reason);
	}

	@Override
	public ConnectionView connect(UUID workspaceId, NewConnection c) {
		try {
			return upsert(workspaceId, c);
		}
		catch (DuplicateKeyException racedWithAnotherConnect) {
			// Two connects of the same account at once: the other one inserted first, so this one updates.
			return upsert(workspaceId, c);
		}
	}

	private ConnectionView upsert(UUID workspaceId, NewConnection c) {
		Optional<UUID> existing = jdbc.sql("select id from connection where workspace_id = ? and network = ? "
				+ "and server_url = ? and remote_account_id = ?")
			.params(workspaceId, c.network().value(), c.serverUrl(), c.remoteAccountId())
			.query(UUID.class)
			.optional();
		OffsetDateTime now = now();
		String limits = LimitsJson.write(c.limits());
		if (existing.isPresent()) {
			UUID id = existing.get();
			jdbc.sql("update connection set handle = ?, display_name = ?, limits_json = ?, credentials = ?, "
					+ "access_ends_at = ?, status = ?, status_reason = null, updated_at = ? where id = ?")
				.params(c.handle(), c.displayName(), limits, vault.seal(c.credentials(), id.toString()),
						accessEndsAt(c.credentials()), ConnectionStatus.ACTIVE.name(), now, id)
				.update();
			return get(workspaceId, id);
		}
		UUID id = Ids.next();
		jdbc.sql("insert into connection (id, workspace_id, network, server_url, remote_account_id, handle, display_name, "
				+ "status, limits_json, credentials, access_ends_at, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, workspaceId, c.network().value(), c.serverUrl(), c.remoteAccountId(), c.handle(), c.displayName(),
					ConnectionStatus.ACTIVE.name(), limits, vault.seal(c.credentials(), id.toString()),
					accessEndsAt(c.credentials()), now, now)
			.update();
		return get(workspaceId, id);
	}

	@Override
	public void disconnect(UUID workspaceId, UUID connectionId) {
		get(workspaceId, connectionId);
		jdbc.sql("update connection set status = ?, status_reason = null, credentials = ?, access_ends_at = null, updated_at = ? "
				+ "where id = ? and workspace_id = ?")
			.params(ConnectionStatus.DISCONNECTED.name(), vault.seal(new Credentials(Map.of()), connectionId.toString()),
					now(), connectionId, workspaceId)
			.update();
	}

	@Override
	public ConnectionView setTimeZone(UUID workspaceId, UUID connectionId, ZoneId zone) {
		int updated = jdbc.sql("update connection set time_zone = ?, updated_at = ? where id = ? and workspace_id = ?")
			.params(zone == null ? null : zone.getId(), now(), connectionId, workspaceId)
			.update();
		if (updated == 0) {
			throw new NotFound("connection");
		}
		return get(workspaceId, connectionId);
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static OffsetDateTime accessEndsAt(Credentials credentials) {
		return credentials.accessEndsAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null);
	}

	private static String truncate(String reason) {
		if (reason == null) {
			return null;
		}
		return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
	}

	private static final RowMapper<ConnectionView> VIEW = (rs, n) -> {
		String zone = rs.getString("time_zone");
		OffsetDateTime paused = rs.getObject("paused_until", OffsetDateTime.class);
		OffsetDateTime accessEnds = rs.getObject("access_ends_at", OffsetDateTime.class);
		return new ConnectionView(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
				new NetworkId(rs.getString("network")), rs.getString("server_url"), rs.getString("handle"),
				rs.getString("display_name"), zone == null ? null : ZoneId.of(zone),
				ConnectionStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				LimitsJson.read(rs.getString("limits_json")), paused == null ? null : paused.toInstant(),
				accessEnds == null ? null : accessEnds.toInstant());
	};
}
