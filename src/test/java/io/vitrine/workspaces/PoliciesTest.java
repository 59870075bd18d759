package io.vitrine.workspaces;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoliciesTest {

	@Test
	void every_member_may_view_including_client_reviewers_and_analysts() {
		assertThat(allowed(Policies.MAY_VIEW)).isEqualTo(EnumSet.allOf(Role.class));
	}

	@Test
	void owners_admins_editors_and_contributors_may_compose() {
		assertThat(allowed(Policies.MAY_COMPOSE)).isEqualTo(EnumSet.of(Role.OWNER, Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR));
	}

	@Test
	void only_owners_admins_and_editors_may_schedule() {
		assertThat(allowed(Policies.MAY_SCHEDULE)).isEqualTo(EnumSet.of(Role.OWNER, Role.ADMIN, Role.EDITOR));
	}

	@Test
	void only_owners_and_admins_may_manage_connections() {
		assertThat(allowed(Policies.MAY_MANAGE_CONNECTIONS)).isEqualTo(EnumSet.of(Role.OWNER, Role.ADMIN));
	}

	@Test
	void only_owners_and_admins_may_manage_members() {
		assertThat(allowed(Policies.MAY_MANAGE_MEMBERS)).isEqualTo(EnumSet.of(Role.OWNER, Role.ADMIN));
	}

	@Test
	void only_owners_may_grant_take_away_or_remove_the_owner_role() {
		assertThat(allowed(Policies.MAY_MANAGE_OWNERS)).isEqualTo(EnumSet.of(Role.OWNER));
	}

	@Test
	void only_owners_and_admins_may_change_the_workspace_settings() {
		assertThat(allowed(Policies.MAY_CHANGE_SETTINGS)).isEqualTo(EnumSet.of(Role.OWNER, Role.ADMIN));
	}

	@Test
	void require_refuses_with_a_message_naming_the_role_and_the_action() {
		assertThatThrownBy(() -> Policies.require(Policies.MAY_SCHEDULE, member(Role.CONTRIBUTOR), "schedule posts"))
			.isInstanceOf(io.vitrine.shared.Forbidden.class)
			.hasMessage("your role (contributor) does not allow you to schedule posts");
	}

	@Test
	void reads_a_role_in_any_case_and_refuses_an_unknown_one_naming_the_field() {
		assertThat(Role.parse("role", " client-reviewer ")).isEqualTo(Role.CLIENT_REVIEWER);
		assertThatThrownBy(() -> Role.parse("role", "boss")).isInstanceOfSatisfying(io.vitrine.shared.InvalidInput.class,
				e -> assertThat(e.problems().getFirst()).extracting("field", "rule").containsExactly("role", "one-of"));
	}

	private static Set<Role> allowed(Predicate<Member> policy) {
		return Arrays.stream(Role.values())
			.filter(role -> policy.test(member(role)))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	private static Member member(Role role) {
		return new Member(UUID.randomUUID(), UUID.randomUUID(), "Brand", role, ZoneId.of("Europe/Paris"));
	}
}
