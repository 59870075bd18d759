package io.vitrine.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to a person once (setup links, password links, API tokens). Only their SHA-256
 * is stored: the secrets are 256 random bits, so a plain hash is enough (no salt, no slow hash) and
 * lets us look a presented secret up by its hash.
 */
public final class OneTimeSecret {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimeSecret() {
	}

	/** 32 random bytes, base64url without padding (43 characters). */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String sha256(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}
}
