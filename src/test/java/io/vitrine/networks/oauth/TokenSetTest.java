package io.vitrine.networks.oauth;

import io.vitrine.networks.Credentials;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSetTest {

	private final TokenSet held = new TokenSet("access-1", "refresh-1", Instant.parse("2026-03-29T09:00:00Z"), "tweet.read");

	@Test
	void a_refresh_answer_without_a_refresh_token_keeps_the_one_held() {
		TokenSet refreshed = held.refreshedWith(new TokenSet("access-2", "", Instant.parse("2026-03-29T11:00:00Z"), null));

		assertThat(refreshed.accessToken()).isEqualTo("access-2");
		assertThat(refreshed.refreshToken()).isEqualTo("refresh-1");
		assertThat(refreshed.scope()).isEqualTo("tweet.read");
		assertThat(refreshed.expiresAt()).isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
	}

	@Test
	void a_rotated_refresh_token_replaces_the_old_one() {
		assertThat(held.refreshedWith(new TokenSet("access-2", "refresh-2", null, null)).refreshToken()).isEqualTo("refresh-2");
	}

	@Test
	void tokens_are_written_over_the_stored_credentials_keeping_the_rest() {
		Credentials stored = new Credentials(Map.of("accessToken", "old", "username", "boulangerie", "expiresAt", "2020-01-01T00:00:00Z"));

		Credentials written = new TokenSet("access-2", "refresh-2", null, null).into(stored);

		assertThat(written.asMap()).containsEntry("accessToken", "access-2").containsEntry("refreshToken", "refresh-2")
			.containsEntry("username", "boulangerie").doesNotContainKey("expiresAt");
		assertThat(TokenSet.of(written)).isEqualTo(new TokenSet("access-2", "refresh-2", null, null));
	}
}
