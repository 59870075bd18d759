package io.vitrine.networks.internal;

import io.vitrine.networks.Channel;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.shared.Ids;
import io.vitrine.shared.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
abstract class ConnectionsContract {

	static final NetworkId MASTODON = new NetworkId("mastodon");

	static final NetworkLimits LIMITS = new NetworkLimits(500, 0, 23, 4, 16_777_216, 1500, Set.of("image/png", "image/jpeg"));

	@Autowired
	Connections connections;

	@Autowired
	JdbcClient jdbc;

	UUID workspace;

	UUID otherWorkspace;

	@BeforeEach
	void workspaces() {
		workspace = workspace("Brand");
		otherWorkspace = workspace("Someone else");
	}

	private UUID workspace(String name) {
		UUID id = Ids.next();
		jdbc.sql("insert into workspace (id, name, time_zone, created_at) values (?, ?, ?, ?)")
			.params(id, name, "Europe/Paris", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return id;
	}

	static NewConnection account(String remoteId, String token) {
		return new NewConnection(MASTODON, "https://mastodon.example", remoteId, "@alice@mastodon.example", "Alice",
				LIMITS, new Credentials(Map.of("accessToken", token)));
	}

	@Test
	void saves_an_active_account_and_opens_it_with_its_credentials() {
		ConnectionView saved = connections.connect(workspace, account("109", "token-one"));

		assertThat(saved.status()).isEqualTo(ConnectionStatus.ACTIVE);
		assertThat(saved.handle()).isEqualTo("@alice@mastodon.example");
		assertThat(saved.limits()).isEqualTo(LIMITS);
		Channel channel = connections.openChannel(saved.id());
		assertThat(channel.credentials().require("accessToken")).isEqualTo("token-one");
		assertThat(channel.remoteAccountId()).isEqualTo("109");
		assertThat(channel.serverUrl()).isEqualTo("https://mastodon.example");
	}

	@Test
	void an_expiring_token_without_a_refresh_token_gives_the_access_an_end_that_a_refresh_token_removes() {
		Instant expires = Instant.parse("2027-01-20T10:00:00Z");
		ConnectionView saved = connections.connect(workspace, new NewConnection(MASTODON, "https://mastodon.example",
				"77", "@member", "Member", LIMITS,
				new Credentials(Map.of("accessToken", "t", Credentials.EXPIRES_AT, expires.toString()))));

		assertThat(saved.accessEndsAt()).isEqualTo(expires);
		assertThat(connections.list(workspace)).extracting(ConnectionView::accessEndsAt).containsExactly(expires);

		connections.openChannel(saved.id()).updateCredentials(new Credentials(Map.of("accessToken", "t2",
				Credentials.EXPIRES_AT, expires.plusSeconds(3600).toString(), Credentials.REFRESH_TOKEN, "r")));

		assertThat(connections.get(workspace, saved.id()).accessEndsAt()).isNull();
	}

	@Test
	void stores_credentials_encrypted() {
		ConnectionView saved = connections.connect(workspace, account("109", "token-that-must-not-leak"));

		byte[] stored = jdbc.sql("select credentials from connection where id = ?").param(saved.id()).query(byte[].class).single();

		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("token-that-must-not-leak");
	}

	@Test
	void a_ciphertext_copied_onto_another_row_does_not_decrypt() {
		ConnectionView first = connections.connect(workspace, account("1", "token-one"));
		ConnectionView second = connections.connect(workspace, account("2", "token-two"));
		jdbc.sql("update connection set credentials = (select credentials from connection where id = ?) where id = ?")
			.params(first.id(), second.id())
			.update();

		assertThatThrownBy(() -> connections.openChannel(second.id())).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void reconnecting_the_same_account_replaces_the_credentials_and_makes_it_active_again() {
		ConnectionView first = connections.connect(workspace, account("109", "old-token"));
		connections.markNeedsReconnect(first.id(), "The access token was revoked");

		ConnectionView again = connections.connect(workspace, account("109", "new-token"));

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.status()).isEqualTo(ConnectionStatus.ACTIVE);
		assertThat(again.statusReason()).isNull();
		assertThat(connections.openChannel(first.id()).credentials().require("accessToken")).isEqualTo("new-token");
		assertThat(connections.list(workspace)).hasSize(1);
	}

	@Test
	void the_same_account_in_two_workspaces_is_two_connections() {
		ConnectionView mine = connections.connect(workspace, account("109", "a"));
		ConnectionView theirs = connections.connect(otherWorkspace, account("109", "b"));

		assertThat(mine.id()).isNotEqualTo(theirs.id());
	}

	@Test
	void another_workspace_sees_nothing() {
		ConnectionView mine = connections.connect(workspace, account("109", "token"));

		assertThat(connections.list(otherWorkspace)).isEmpty();
		assertThatThrownBy(() -> connections.get(otherWorkspace, mine.id())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> connections.disconnect(otherWorkspace, mine.id())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> connections.setTimeZone(otherWorkspace, mine.id(), ZoneId.of("UTC")))
			.isInstanceOf(NotFound.class);
		assertThat(connections.get(workspace, mine.id()).status()).isEqualTo(ConnectionStatus.ACTIVE);
		assertThat(connections.get(workspace, mine.id()).timeZoneOverride()).isNull();
	}

	@Test
	void marks_an_account_as_needing_a_reconnect_with_the_reason() {
		ConnectionView saved = connections.connect(workspace, account("109", "token"));

		connections.markNeedsReconnect(saved.id(), "The access token is invalid");

		ConnectionView view = connections.get(workspace, saved.id());
		assertThat(view.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
		assertThat(view.statusReason()).isEqualTo("The access token is invalid");
	}

	@Test
	void a_pause_never_shortens_a_longer_one() {
		ConnectionView saved = connections.connect(workspace, account("109", "token"));
		Instant later = Instant.parse("2030-01-01T10:05:00Z");

		connections.pauseUntil(saved.id(), later, "rate limited");
		connections.pauseUntil(saved.id(), Instant.parse("2030-01-01T10:01:00Z"), "rate limited again");

		ConnectionView view = connections.get(workspace, saved.id());
		assertThat(view.pausedUntil()).isEqualTo(later);
		assertThat(view.status()).isEqualTo(ConnectionStatus.ACTIVE);
	}

	@Test
	void disconnecting_erases_the_credentials_and_hides_the_account() {
		ConnectionView saved = connections.connect(workspace, account("109", "token-to-erase"));

		connections.disconnect(workspace, saved.id());

		assertThat(connections.list(workspace)).isEmpty();
		assertThat(connections.get(workspace, saved.id()).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
		assertThatThrownBy(() -> connections.openChannel(saved.id())).isInstanceOf(NotFound.class);
		CredentialVault vault = vaultOfThisContext();
		byte[] stored = jdbc.sql("select credentials from connection where id = ?").param(saved.id()).query(byte[].class).single();
		assertThat(vault.open(stored, saved.id().toString()).asMap()).isEmpty();
	}

	@Autowired
	CredentialVault vault;

	private CredentialVault vaultOfThisContext() {
		return vault;
	}

	@Test
	void connecting_a_disconnected_account_again_brings_it_back() {
		ConnectionView saved = connections.connect(workspace, account("109", "token"));
		connections.disconnect(workspace, saved.id());

		connections.connect(workspace, account("109", "fresh"));

		assertThat(connections.list(workspace)).extracting(ConnectionView::id).containsExactly(saved.id());
		assertThat(connections.openChannel(saved.id()).credentials().require("accessToken")).isEqualTo("fresh");
	}

	@Test
	void a_disconnected_account_is_not_marked_for_reconnect() {
		ConnectionView saved = connections.connect(workspace, account("109", "token"));
		connections.disconnect(workspace, saved.id());

		connections.markNeedsReconnect(saved.id(), "late answer from the engine");

		assertThat(connections.get(workspace, saved.id()).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
	}

	@Test
	void sets_and_clears_the_time_zone_override() {
		ConnectionView saved = connections.connect(workspace, account("109", "token"));

		assertThat(connections.setTimeZone(workspace, saved.id(), ZoneId.of("America/Toronto")).timeZoneOverride())
			.isEqualTo(ZoneId.of("America/Toronto"));
		ConnectionView cleared = connections.setTimeZone(workspace, saved.id(), null);
		assertThat(cleared.timeZoneOverride()).isNull();
		assertThat(cleared.zoneOr(ZoneId.of("Europe/Paris"))).isEqualTo(ZoneId.of("Europe/Paris"));
	}

	@Test
	void refreshed_credentials_written_through_the_channel_are_kept() {
		ConnectionView saved = connections.connect(workspace, account("109", "token"));
		Channel channel = connections.openChannel(saved.id());

		channel.updateCredentials(channel.credentials().with("accessToken", "rotated"));

		assertThat(connections.openChannel(saved.id()).credentials().require("accessToken")).isEqualTo("rotated");
	}

	@Test
	void an_unknown_connection_is_not_found() {
		assertThatThrownBy(() -> connections.get(workspace, Ids.next())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> connections.openChannel(Ids.next())).isInstanceOf(NotFound.class);
	}
}
