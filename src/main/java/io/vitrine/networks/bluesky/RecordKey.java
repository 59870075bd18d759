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
 * same millisecond still get different keys — but only 20 bits tell them apart, so a bulk import of
 * thousands of posts for one account would clash now and then. A target therefore has a short,
 * fixed sequence of candidate keys: when its first key already holds another target's post, the
 * next one is used. Every candidate follows from the target id alone, so a retry walks the same
 * keys and still finds the one post it made.
 */
final class RecordKey {

	static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

	private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");

	private static final long MICROS_MASK = (1L << 53) - 1;

	/** Four keys of about 20 free bits each: four clashes in a row for one target do not happen. */
	static final int CANDIDATES = 4;

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

	/** The target's {@code n}th key; the 0th is {@link #of(UUID)}, the others re-draw the sub-millisecond part and clock id. */
	static String of(UUID targetId, int n) {
		if (n == 0) {
			return of(targetId);
		}
		long high = targetId.getMostSignificantBits();
		long millis = high >>> 16;
		long mixed = mix(high ^ Long.rotateLeft(targetId.getLeastSignificantBits(), 29) ^ (n * 0x9E3779B97F4A7C15L));
		long subMillis = Long.remainderUnsigned(mixed, 1000);
		long clockId = (mixed >>> 32) & 0x3FF;
		long micros = (millis * 1000 + subMillis) & MICROS_MASK;
		return encode((micros << 10) | clockId);
	}

	/** SplitMix64's finalizer: every input bit moves about half the output bits. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
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
