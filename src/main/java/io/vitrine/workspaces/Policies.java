package io.vitrine.workspaces;

import io.vitrine.shared.Forbidden;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/** Each permission is one named predicate over a member, tested one by one. */
public final class Policies {

	private static final Set<Role> MANAGERS = EnumSet.of(Role.OWNER, Role.ADMIN);

	private static final Set<Role> PUBLISHERS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.EDITOR);

	private Policies() {
	}

	/** Everyone in the workspace sees its posts and accounts, analysts and client reviewers included. */
	public static final Predicate<Member> MAY_VIEW = member -> true;

	/** Contributors write drafts; whether those need approval is the approval workflow's business. */
	public static final Predicate<Member> MAY_COMPOSE = member -> PUBLISHERS.contains(member.role())
			|| member.role() == Role.CONTRIBUTOR;

	public static final Predicate<Member> MAY_SCHEDULE = member -> PUBLISHERS.contains(member.role());

	public static final Predicate<Member> MAY_MANAGE_CONNECTIONS = member -> MANAGERS.contains(member.role());

	/** Add people, change their roles, remove them — except owners, see {@link #MAY_MANAGE_OWNERS}. */
	public static final Predicate<Member> MAY_MANAGE_MEMBERS = member -> MANAGERS.contains(member.role());

	/** Granting, taking away or removing the owner role stays with owners, so an admin cannot take over. */
	public static final Predicate<Member> MAY_MANAGE_OWNERS = member -> member.role() == Role.OWNER;

	/** Rename the workspace, change its default time zone. */
	public static final Predicate<Member> MAY_CHANGE_SETTINGS = member -> MANAGERS.contains(member.role());

	public static void require(Predicate<Member> policy, Member member, String action) {
		if (!policy.test(member)) {
			throw new Forbidden("your role (" + member.role().name().toLowerCase() + ") does not allow you to " + action);
		}
	}
}
