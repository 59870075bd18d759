package io.vitrine.networks.bluesky;

import com.github.f4b6a3.uuid.UuidCreator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RecordKeyTest {

	/** The record key syntax of atproto.com/specs/record-key. */
	private static final Pattern RECORD_KEY = Pattern.compile("^[A-Za-z0-9._:~-]{1,512}$");

	@Test
	void the_same_target_always_gets_the_same_key() {
		UUID target = UuidCreator.getTimeOrderedEpoch();

		assertThat(RecordKey.of(target)).isEqualTo(RecordKey.of(UUID.fromString(target.toString())));
	}

	@Test
	void keys_of_many_targets_are_valid_tids_and_record_keys() {
		for (int i = 0; i < 10_000; i++) {
			String key = RecordKey.of(UuidCreator.getTimeOrderedEpoch());
			assertThat(RecordKey.isTid(key)).as(key).isTrue();
			assertThat(RECORD_KEY.matcher(key).matches()).isTrue();
		}
	}

	@Test
	void targets_created_in_different_milliseconds_never_share_a_key() {
		Instant start = Instant.parse("2026-11-22T09:00:00Z");
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			keys.add(RecordKey.of(UuidCreator.getTimeOrderedEpoch(start.plusMillis(i))));
		}
		assertThat(keys).hasSize(10_000);
	}

	@Test
	void the_key_carries_the_targets_creation_time_in_microseconds() {
		Instant created = Instant.parse("2026-11-22T09:00:00.123Z");
		UUID target = UuidCreator.getTimeOrderedEpoch(created);

		long micros = decode(RecordKey.of(target)) >>> 10;

		assertThat(micros / 1000).isEqualTo(created.toEpochMilli());
	}

	@Test
	void a_later_target_gets_a_key_that_sorts_after() {
		UUID earlier = UuidCreator.getTimeOrderedEpoch(Instant.parse("2026-11-22T09:00:00.000Z"));
		UUID later = UuidCreator.getTimeOrderedEpoch(Instant.parse("2026-11-22T09:00:00.001Z"));

		assertThat(RecordKey.of(later)).isGreaterThan(RecordKey.of(earlier));
	}

	@Test
	void two_targets_of_the_same_millisecond_get_different_keys() {
		Instant same = Instant.parse("2026-11-22T09:00:00.000Z");

		assertThat(RecordKey.of(UuidCreator.getTimeOrderedEpoch(same)))
			.isNotEqualTo(RecordKey.of(UuidCreator.getTimeOrderedEpoch(same)));
	}

	@Test
	void a_uuid_that_is_not_v7_still_gives_a_valid_tid() {
		assertThat(RecordKey.isTid(RecordKey.of(new UUID(-1L, -1L)))).isTrue();
		assertThat(RecordKey.isTid(RecordKey.of(UUID.randomUUID()))).isTrue();
	}

	@Test
	void tid_syntax_agrees_with_the_official_valid_examples() {
		List<String> valid = SharedContracts.vectors("interop-test-files/syntax/tid_syntax_valid.txt");

		assertThat(valid).isNotEmpty().allSatisfy(tid -> assertThat(RecordKey.isTid(tid)).as(tid).isTrue());
	}

	@Test
	void tid_syntax_agrees_with_the_official_invalid_examples() {
		List<String> invalid = SharedContracts.vectors("interop-test-files/syntax/tid_syntax_invalid.txt");

		assertThat(invalid).isNotEmpty().allSatisfy(tid -> assertThat(RecordKey.isTid(tid)).as(tid).isFalse());
	}

	@Test
	void the_record_key_pattern_of_this_test_agrees_with_the_official_examples() {
		// Proves the RECORD_KEY check used above is the official one, so generated keys are valid record keys.
		assertThat(SharedContracts.vectors("interop-test-files/syntax/recordkey_syntax_valid.txt"))
			.allSatisfy(key -> assertThat(RECORD_KEY.matcher(key).matches() && !key.equals(".") && !key.equals(".."))
				.as(key).isTrue());
		assertThat(SharedContracts.vectors("interop-test-files/syntax/recordkey_syntax_invalid.txt"))
			.allSatisfy(key -> assertThat(RECORD_KEY.matcher(key).matches() && !key.equals(".") && !key.equals(".."))
				.as(key).isFalse());
	}

	private static long decode(String tid) {
		long value = 0;
		for (char c : tid.toCharArray()) {
			value = (value << 5) | RecordKey.ALPHABET.indexOf(c);
		}
		return value;
	}

	@Test
	void a_targets_candidate_keys_are_distinct_valid_tids_of_the_same_millisecond() {
		UUID target = UuidCreator.getTimeOrderedEpoch(Instant.parse("2026-11-22T09:00:00.123Z"));
		Set<String> keys = new HashSet<>();
		for (int n = 0; n < RecordKey.CANDIDATES; n++) {
			String key = RecordKey.of(target, n);
			assertThat(RecordKey.isTid(key)).as(key).isTrue();
			assertThat((decode(key) >>> 10) / 1000).isEqualTo(1_795_338_000_123L);
			assertThat(RecordKey.of(UUID.fromString(target.toString()), n)).isEqualTo(key);
			keys.add(key);
		}
		assertThat(keys).hasSize(RecordKey.CANDIDATES);
	}

	@Test
	void two_targets_sharing_a_first_key_part_ways_at_the_next() {
		UUID target = UuidCreator.getTimeOrderedEpoch();
		UUID other = new UUID(target.getMostSignificantBits(), target.getLeastSignificantBits() ^ (1L << 40));

		assertThat(RecordKey.of(other, 0)).isEqualTo(RecordKey.of(target, 0));
		assertThat(RecordKey.of(other, 1)).isNotEqualTo(RecordKey.of(target, 1));
	}
}
