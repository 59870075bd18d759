package io.vitrine.identity.accounts;

import io.vitrine.shared.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What makes an email, a display name and a password acceptable. */
public final class AccountRules {

	public static final int MIN_PASSWORD_LENGTH = 12;

	/** bcrypt reads only the first 72 bytes; Spring's encoder refuses longer input rather than truncate it. */
	public static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private AccountRules() {
	}

	public static String normalizeEmail(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

	public static List<InvalidInput.Problem> checkEmail(String email) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (email.isEmpty()) {
			problems.add(new InvalidInput.Problem("email", "required", "is required"));
		}
		else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
			problems.add(new InvalidInput.Problem("email", "email", "must be an e-mail address such as name@example.com"));
		}
		return problems;
	}

	public static List<InvalidInput.Problem> checkDisplayName(String displayName) {
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty()) {
			return List.of(new InvalidInput.Problem("displayName", "required", "is required"));
		}
		if (name.length() > 200) {
			return List.of(new InvalidInput.Problem("displayName", "max-length", "must be at most 200 characters"));
		}
		return List.of();
	}

	public static List<InvalidInput.Problem> checkPassword(String field, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			return List.of(new InvalidInput.Problem(field, "min-length",
					"must be at least " + MIN_PASSWORD_LENGTH + " characters"));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return List.of(new InvalidInput.Problem(field, "max-bytes",
					"must be at most " + MAX_PASSWORD_BYTES + " bytes (72 plain letters, fewer with accents or emoji)"));
		}
		return List.of();
	}
}
