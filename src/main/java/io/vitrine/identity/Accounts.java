package io.vitrine.identity;

import io.vitrine.shared.InvalidInput;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** People who can sign in. Other modules create and look up accounts only through here. */
public interface Accounts {

	boolean anyExists();

	Optional<CurrentUser> byEmail(String email);

	Map<UUID, CurrentUser> byIds(Collection<UUID> ids);

	/** What is wrong with these account fields (the password is skipped when null); empty when all is well. */
	List<InvalidInput.Problem> problems(String email, String displayName, String password);

	/**
	 * Creates an account, validating email, display name and password.
	 * @param password the chosen password, or {@code null} for an account that cannot sign in until
	 * its owner follows a {@link #passwordLink(UUID) password link}
	 * @throws io.vitrine.shared.InvalidInput naming the field and rule, also when the email is taken
	 */
	CurrentUser create(String email, String displayName, String password, Locale locale);

	/** A new one-time link (absolute URL) that lets the person choose their password. */
	String passwordLink(UUID userId);
}
