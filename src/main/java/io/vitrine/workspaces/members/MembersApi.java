package io.vitrine.workspaces.members;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/members")
@Tag(name = "Members", description = "People of a workspace and their roles")
class MembersApi {

	private static final String ROLES = "OWNER, ADMIN, EDITOR, CONTRIBUTOR, CLIENT_REVIEWER, ANALYST";

	@Schema(name = "Member")
	record MemberJson(UUID userId, String email, String displayName,
			@Schema(allowableValues = { "OWNER", "ADMIN", "EDITOR", "CONTRIBUTOR", "CLIENT_REVIEWER", "ANALYST" }) String role,
			Instant since) {

		static MemberJson of(MemberView m) {
			return new MemberJson(m.userId(), m.email(), m.displayName(), m.role().name(), m.since());
		}
	}

	@Schema(name = "NewMember")
	record NewMember(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "alex@example.com") String email,
			@Schema(description = "used only when the person has no account yet; defaults to the e-mail's local part") String displayName,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ROLES, example = "EDITOR") String role) {
	}

	@Schema(name = "AddedMember")
	record AddedJson(MemberJson member,
			@Schema(description = "only when a new account was created: a one-time link (valid 7 days) where the person chooses a password; pass it on, it is not shown again") String passwordLink) {
	}

	@Schema(name = "RoleChange")
	record RoleChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = ROLES) String role) {
	}

	private final ListMembers list;

	private final AddMember add;

	private final ChangeRole change;

	private final RemoveMember remove;

	MembersApi(ListMembers list, AddMember add, ChangeRole change, RemoveMember remove) {
		this.list = list;
		this.add = add;
		this.change = change;
		this.remove = remove;
	}

	@GetMapping
	@Operation(summary = "List the members of a workspace")
	List<MemberJson> list(CurrentUser user, @PathVariable UUID workspaceId) {
		return list.list(user, workspaceId).stream().map(MemberJson::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a person by e-mail (owners and admins; only owners grant OWNER)",
			description = "A person without an account gets one, and the answer carries their one-time password link.")
	AddedJson add(CurrentUser user, @PathVariable UUID workspaceId, @RequestBody NewMember body) {
		AddMember.Added added = add.add(user, workspaceId, body.email(), body.displayName(), body.role(),
				LocaleContextHolder.getLocale());
		return new AddedJson(MemberJson.of(added.member()), added.passwordLink());
	}

	@PatchMapping("/{userId}")
	@Operation(summary = "Change a member's role (the last owner cannot be demoted)")
	MemberJson changeRole(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID userId,
			@RequestBody RoleChange body) {
		change.change(user, workspaceId, userId, body.role());
		return list.list(user, workspaceId)
			.stream()
			.filter(m -> m.userId().equals(userId))
			.findFirst()
			.map(MemberJson::of)
			.orElseThrow(() -> new io.vitrine.shared.NotFound("member"));
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a member (the last owner cannot be removed)")
	void remove(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID userId) {
		remove.remove(user, workspaceId, userId);
	}
}
