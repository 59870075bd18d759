package io.vitrine.workspaces.members;

import io.vitrine.identity.Accounts;
import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.Role;
import io.vitrine.workspaces.WorkspaceAccess;
import io.vitrine.workspaces.store.WorkspaceStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds a person by e-mail. Someone without an account gets one, with a one-time link to choose
 * their password that the admin passes on (Vitrine sends no e-mail yet).
 */
@Service
class AddMember {

	record Added(MemberView member, String passwordLink) {
	}

	private final WorkspaceAccess access;

	private final WorkspaceStore store;

	private final Accounts accounts;

	private final Clock clock;

	AddMember(WorkspaceAccess access, WorkspaceStore store, Accounts accounts, Clock clock) {
		this.access = access;
		this.store = store;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional
	Added add(CurrentUser user, UUID workspaceId, String email, String displayName, String roleName, Locale locale) {
		Member admin = access.require(user, workspaceId);
		Policies.require(Policies.MAY_MANAGE_MEMBERS, admin, "add members");
		Role role = Role.parse("role", roleName);
		if (role == Role.OWNER) {
			Policies.require(Policies.MAY_MANAGE_OWNERS, admin, "make someone an owner");
		}
		Optional<CurrentUser> existing = accounts.byEmail(email);
		CurrentUser person;
		String link = null;
		if (existing.isPresent()) {
			person = existing.get();
		}
		else {
			String name = displayName == null || displayName.isBlank() ? localPart(email) : displayName;
			person = accounts.create(email, name, null, locale);
			link = accounts.passwordLink(person.id());
		}
		if (store.member(person.id(), workspaceId).isPresent()) {
			throw InvalidInput.of("email", "already-member", "this person is already a member of the workspace");
		}
		try {
			store.addMember(workspaceId, person.id(), role);
		}
		catch (DuplicateKeyException e) {
			// The same person added twice at the same moment: the primary key lets only one through.
			throw InvalidInput.of("email", "already-member", "this person is already a member of the workspace");
		}
		return new Added(new MemberView(person.id(), person.email(), person.displayName(), role, clock.instant()), link);
	}

	private static String localPart(String email) {
		String trimmed = email == null ? "" : email.strip();
		int at = trimmed.indexOf('@');
		return at > 0 ? trimmed.substring(0, at) : trimmed;
	}
}
