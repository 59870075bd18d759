package io.vitrine.bulk.internal;

import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.NetworkId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RowCheckTest {

	private static ConnectionView account(String network, String handle, ConnectionStatus status) {
		return new ConnectionView(UUID.randomUUID(), UUID.randomUUID(), new NetworkId(network), "https://example.com", handle,
				handle, null, status, null, null, null, null);
	}

	@Test
	void a_handle_matches_with_or_without_its_at_sign_and_in_any_case() {
		ConnectionView olga = account("mastodon", "@Olga@bakery.example", ConnectionStatus.ACTIVE);
		assertThat(RowCheck.matches(olga, "@olga@bakery.example")).isTrue();
		assertThat(RowCheck.matches(olga, "olga@BAKERY.example")).isTrue();
		assertThat(RowCheck.matches(olga, "mastodon:@olga@bakery.example")).isTrue();
		assertThat(RowCheck.matches(olga, olga.id().toString())).isTrue();
		assertThat(RowCheck.matches(olga, "@olga")).isFalse();
	}

	@Test
	void a_network_prefix_keeps_only_that_networks_account() {
		ConnectionView bluesky = account("bluesky", "olga.bsky.social", ConnectionStatus.ACTIVE);
		assertThat(RowCheck.matches(bluesky, "bluesky:olga.bsky.social")).isTrue();
		assertThat(RowCheck.matches(bluesky, "x:olga.bsky.social")).isFalse();
	}

	@Test
	void a_disconnected_account_matches_nothing() {
		assertThat(RowCheck.matches(account("mastodon", "@olga@bakery.example", ConnectionStatus.DISCONNECTED),
				"@olga@bakery.example")).isFalse();
	}

	@Test
	void a_spreadsheet_date_and_time_becomes_iso_8601() {
		assertThat(RowCheck.spreadsheetToIso("2026-12-10 09:00")).isEqualTo("2026-12-10T09:00");
		assertThat(RowCheck.spreadsheetToIso(" 2026-12-10T09:00+01:00 ")).isEqualTo("2026-12-10T09:00+01:00");
	}

	@Test
	void the_composers_fields_are_named_as_the_files_columns() {
		List<String> texts = List.of("text", "text_bluesky");
		assertThat(RowCheck.column("scheduledAt", texts)).isEqualTo("scheduled_at");
		assertThat(RowCheck.column("timeZone", texts)).isEqualTo("time_zone");
		assertThat(RowCheck.column("targets[0].connectionId", texts)).isEqualTo("accounts");
		assertThat(RowCheck.column("targets[1].text", texts)).as("the column the text came from").isEqualTo("text_bluesky");
		assertThat(RowCheck.column("targets[0].images", texts)).isEqualTo("media");
		assertThat(RowCheck.column("targets[0].link", texts)).isEqualTo("link");
	}
}
