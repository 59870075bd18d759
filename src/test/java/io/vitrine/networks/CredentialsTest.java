package io.vitrine.networks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

	@Test
	void access_ends_when_the_token_expires_and_no_refresh_token_can_renew_it() {
		Credentials credentials = new Credentials(Map.of("accessToken", "a", Credentials.EXPIRES_AT, "2027-01-20T10:00:00Z"));

		assertThat(credentials.accessEndsAt()).contains(Instant.parse("2027-01-20T10:00:00Z"));
	}

	@Test
	void a_refresh_token_keeps_the_access_alive_past_the_tokens_expiry() {
		Credentials credentials = new Credentials(Map.of("accessToken", "a", Credentials.EXPIRES_AT, "2027-01-20T10:00:00Z",
				Credentials.REFRESH_TOKEN, "r"));

		assertThat(credentials.accessEndsAt()).isEmpty();
	}

	@Test
	void a_token_without_an_expiry_has_no_known_end() {
		assertThat(new Credentials(Map.of("accessToken", "a")).accessEndsAt()).isEmpty();
	}
}
