package io.vitrine.networks.bluesky;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The record key of a target's post: a TID (timestamp identifier, atproto.com/specs/tid) computed
 * from the target's UUIDv7, so every attempt for one target writes the same key and a retry
 * collides with the first post instead of duplicating it.
 *
 * <p>A TID is 64 bits, top bit zero: 53 bits of microseconds since the Unix epoch, then a 10-bit
 * clock id, written as 13 characters of base32-sortable. The UUID gives the milliseconds; the
 * sub-millisecond part and the clock id come from its random bits, so two targets created in the
 * same millisecond still get different keys (one chance in a million of a clash, and only
 * between two targets of the same account).
 */
final class RecordKey {

	static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

	private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");

	private static final long MICROS_MASK = (1L << 53) - 1;

	private RecordKey() {
	}

	static String of(UUID targetId) {
		long high = targetId.getMostSignificantBits();
		long low = targetId.getLeastSignificantBits();
		long millis = high >>> 16; // UUIDv7: the first 48 bits
		long randA = high & 0xFFF; // 12 random (or counter) bits after the version
		long subMillis = randA % 1000;
		long clockId = low & 0x3FF; // the last 10 bits of rand_b
		// Only a non-v7 UUID could overflow 53 bits; masking keeps the key a valid TID either way.
		long micros = (millis * 1000 + subMillis) & MICROS_MASK;
		return encode((micros << 10) | clockId);
	}

	static boolean isTid(String value) {
		return value != null && TID.matcher(value).matches();
	}

	private static String encode(long value) {
		char[] out = new char[13];
		for (int i = 12; i >= 0; i--) {
			out[i] = ALPHABET.charAt((int) (value & 31));
			value >>>= 5;
		}
		return new String(out);
	}
}
