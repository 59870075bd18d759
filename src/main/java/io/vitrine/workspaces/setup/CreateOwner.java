package io.vitrine.workspaces.setup;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.WorkspaceSummary;
import io.vitrine.workspaces.manage.WorkspaceRules;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates the first person, owner of the first workspace, from the setup link or the environment. */
@Service
class CreateOwner {

	/** The link was used, replaced or never existed, or someone is already set up. */
	static class SetupClosed extends RuntimeException {

		SetupClosed() {
			super("the setup link is no longer valid");
		}
	}

	record Owner(CurrentUser user, WorkspaceSummary workspace) {
	}

	private final Accounts accounts;

	private final WorkspaceStore workspaces;

	private final SetupTokens tokens;

	CreateOwner(Accounts accounts, WorkspaceStore workspaces, SetupTokens tokens) {
		this.accounts = accounts;
		this.workspaces = workspaces;
		this.tokens = tokens;
	}

	/** Spends the link and creates the owner in one transaction: bad input rolls back and leaves the link usable. */
	@Transactional
	Owner fromSetupLink(String secret, String email, String displayName, String password, String passwordAgain,
			String workspaceName, String timeZone, Locale locale) {
		if (!tokens.spend(secret) || accounts.anyExists()) {
			throw new SetupClosed();
		}
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (password != null && !password.equals(passwordAgain)) {
			problems.add(new InvalidInput.Problem("passwordAgain", "matches", "must repeat the password"));
		}
		return create(email, displayName, password, workspaceName, timeZone, locale, problems);
	}

	@Transactional
	Owner fromEnvironment(String email, String password, String workspaceName, String timeZone) {
		String name = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
		return create(email, name, password, workspaceName, timeZone, Locale.ENGLISH, new ArrayList<>());
	}

	private Owner create(String email, String displayName, String password, String workspaceName, String timeZone,
			Locale locale, List<InvalidInput.Problem> problems) {
		// Every problem of the form at once, account and workspace alike.
		problems.addAll(accounts.problems(email, displayName, password == null ? "" : password));
		WorkspaceRules.Checked workspace = null;
		try {
			workspace = WorkspaceRules.check("workspaceName", workspaceName, "timeZone", timeZone);
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		CurrentUser user = accounts.create(email, displayName, password, locale);
		return new Owner(user, workspaces.create(user.id(), workspace.name(), workspace.zone()));
	}
}
