package io.vitrine.networks.oauth;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.web.Flash;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** After signing in on a network that offers several identities: the person ticks the ones to connect. */
@Controller
class AccountChoicePage {

	private static final String PATH = "/w/{workspaceId}/connections/{network}/choose/{choiceId}";

	private final AccountChoices choices;

	private final WorkspaceAccess access;

	private final MessageSource messages;

	AccountChoicePage(AccountChoices choices, WorkspaceAccess access, MessageSource messages) {
		this.choices = choices;
		this.access = access;
		this.messages = messages;
	}

	static String path(UUID workspaceId, String network, String choiceId) {
		return PATH.replace("{workspaceId}", workspaceId.toString()).replace("{network}", network).replace("{choiceId}", choiceId);
	}

	@GetMapping(PATH)
	String show(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String network, @PathVariable String choiceId,
			Model model) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		AccountChoices.Choice choice = choice(user, workspaceId, network, choiceId);
		model.addAttribute("choice", choice);
		model.addAttribute("workspaceId", workspaceId);
		model.addAttribute("action", path(workspaceId, network, choiceId));
		return "connections/choose";
	}

	@PostMapping(PATH)
	String choose(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String network, @PathVariable String choiceId,
			@RequestParam(name = "accounts", required = false) List<String> accounts, RedirectAttributes redirect) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		choice(user, workspaceId, network, choiceId);
		try {
			List<ConnectionView> connected = choices.choose(user.id(), workspaceId, choiceId, accounts);
			Flash.notice(redirect, messages, "networks.connections.connected",
					connected.stream().map(ConnectionView::handle).collect(Collectors.joining(", ")));
			return "redirect:/w/" + workspaceId + "/connections";
		}
		catch (InvalidInput e) {
			Flash.error(redirect, e);
			return "redirect:" + path(workspaceId, network, choiceId);
		}
	}

	private AccountChoices.Choice choice(CurrentUser user, UUID workspaceId, String network, String choiceId) {
		AccountChoices.Choice choice = choices.show(user.id(), workspaceId, choiceId);
		if (!choice.network().value().equals(network)) {
			throw new NotFound("account choice");
		}
		return choice;
	}
}
