package io.vitrine.networks.oauth;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.web.Flash;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** "Connect" (and "Reconnect") for fixed-server OAuth networks, and the network's way back. */
@Controller
class OAuthConnectPage {

	private final StartOAuth start;

	private final CompleteOAuth completion;

	private final WorkspaceAccess access;

	private final MessageSource messages;

	OAuthConnectPage(StartOAuth start, CompleteOAuth completion, WorkspaceAccess access, MessageSource messages) {
		this.start = start;
		this.completion = completion;
		this.access = access;
		this.messages = messages;
	}

	@PostMapping("/w/{workspaceId}/connections/{network}/authorize")
	String authorize(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable String network) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		return "redirect:" + start.start(user.id(), workspaceId, network);
	}

	@GetMapping(OAuthRedirect.CALLBACK_PATH)
	String callback(CurrentUser user, @PathVariable String network, @RequestParam(required = false) String state,
			@RequestParam(required = false) String code, @RequestParam(required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		try {
			CompleteOAuth.Outcome outcome = completion.complete(user, network, state, code, error, errorDescription);
			if (outcome instanceof CompleteOAuth.ChoiceOffered offered) {
				return "redirect:" + AccountChoicePage.path(offered.workspaceId(), offered.network(), offered.choiceId());
			}
			ConnectionView view = ((CompleteOAuth.Connected) outcome).connection();
			Flash.notice(redirect, messages, "networks.connections.connected", view.handle());
			return back(view.workspaceId());
		}
		catch (CompleteOAuth.Failed e) {
			if (e.workspaceId == null) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("titleKey", "networks.error.oauth-callback");
				model.addAttribute("detail", e.getMessage());
				return "connections/error";
			}
			Flash.error(redirect, "oauth-callback", e.getMessage());
			return back(e.workspaceId);
		}
	}

	private static String back(UUID workspaceId) {
		return "redirect:/w/" + workspaceId + "/connections";
	}
}
