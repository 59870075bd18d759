package io.vitrine.workspaces.setup;

import io.vitrine.identity.Accounts;
import io.vitrine.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.stream.Collectors;

/**
 * No default password: while nobody has an account, each start prints a fresh one-time setup link
 * (earlier unused links stop working). With VITRINE_OWNER_EMAIL and VITRINE_OWNER_PASSWORD set, the
 * owner is created unattended instead and no link is printed.
 */
@Component
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final Accounts accounts;

	private final SetupTokens tokens;

	private final CreateOwner createOwner;

	private final String baseUrl;

	private final String ownerEmail;

	private final String ownerPassword;

	private final String ownerWorkspace;

	private final String ownerTimeZone;

	FirstStart(Accounts accounts, SetupTokens tokens, CreateOwner createOwner,
			@Value("${vitrine.base-url}") String baseUrl,
			@Value("${vitrine.owner.email:}") String ownerEmail,
			@Value("${vitrine.owner.password:}") String ownerPassword,
			@Value("${vitrine.owner.workspace:My brand}") String ownerWorkspace,
			@Value("${vitrine.owner.time-zone:Europe/Paris}") String ownerTimeZone) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.createOwner = createOwner;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.ownerEmail = ownerEmail;
		this.ownerPassword = ownerPassword;
		this.ownerWorkspace = ownerWorkspace;
		this.ownerTimeZone = ownerTimeZone;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.anyExists()) {
			tokens.discardUnused();
			return;
		}
		if (!ownerEmail.isBlank() && !ownerPassword.isBlank()) {
			try {
				createOwner.fromEnvironment(ownerEmail, ownerPassword, ownerWorkspace, ownerTimeZone);
			}
			catch (InvalidInput e) {
				throw new IllegalStateException("The owner account from VITRINE_OWNER_* was refused: " + e.problems()
					.stream()
					.map(p -> p.field() + " " + p.message())
					.collect(Collectors.joining("; ")));
			}
			log.info("Vitrine is ready. Owner account {} created from the environment; sign in at {}/login", ownerEmail,
					baseUrl);
			return;
		}
		// Two processes starting together on one empty database each issue a link and the later one
		// wins; the earlier printed link then fails with the "used or replaced" page — restart to get one.
		String secret = tokens.issue();
		log.info("Vitrine is ready. Create the owner account: {}/setup?token={}", baseUrl, secret);
	}
}
