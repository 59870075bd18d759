package io.vitrine.networks.oauth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.web.ConnectionJson;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The REST twin of {@link AccountChoicePage}. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/connections/choices/{choiceId}")
@Tag(name = "Connections")
class AccountChoicesApi {

	@Schema(name = "AccountChoice", description = "The identities one sign-in on a network may publish as")
	record ChoiceJson(String network, String networkName, List<AccountChoices.Option> accounts) {
	}

	@Schema(name = "AccountChoiceAnswer")
	record Chosen(@Schema(description = "remoteAccountId of each identity to connect, at least one",
			example = "[\"urn:li:organization:2414183\"]") List<String> accounts) {
	}

	private final AccountChoices choices;

	private final WorkspaceAccess access;

	AccountChoicesApi(AccountChoices choices, WorkspaceAccess access) {
		this.choices = choices;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "The identities offered after signing in on a network (a LinkedIn member and their pages...)",
			description = "The choice id is the last segment of the address the OAuth callback leads to "
					+ "(/w/{workspaceId}/connections/{network}/choose/{choiceId}); it lasts 15 minutes, for its person only.")
	ChoiceJson show(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String choiceId) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		AccountChoices.Choice choice = choices.show(user.id(), workspaceId, choiceId);
		return new ChoiceJson(choice.network().value(), choice.networkName(), choice.options());
	}

	@PostMapping
	@Operation(summary = "Connect the chosen identities; the choice is then used up")
	List<ConnectionJson> choose(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String choiceId,
			@RequestBody Chosen chosen) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		return choices.choose(user.id(), workspaceId, choiceId, chosen.accounts()).stream().map(ConnectionJson::of).toList();
	}
}
