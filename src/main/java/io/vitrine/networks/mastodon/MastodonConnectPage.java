package io.vitrine.networks.mastodon;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.web.Flash;
import io.vitrine.shared.InvalidInput;
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

/** The Mastodon forms of the connections page, and the OAuth callback. */
@Controller
class MastodonConnectPage {

	private final ConnectWithToken withToken;

	private final StartAuthorization authorization;

	private final CompleteAuthorization completion;

	private final WorkspaceAccess access;

	private final MessageSource messages;

	MastodonConnectPage(ConnectWithToken withToken, StartAuthorization authorization, CompleteAuthorization completion,
			WorkspaceAccess access, MessageSource messages) {
		this.withToken = withToken;
		this.authorization = authorization;
		this.completion = completion;
		this.access = access;
		this.messages = messages;
	}

	@PostMapping("/w/{workspaceId}/connections/mastodon/authorize")
	String authorize(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(defaultValue = "") String instanceUrl,
			RedirectAttributes redirect) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		try {
			return "redirect:" + authorization.start(user.id(), workspaceId, instanceUrl);
		}
		catch (InvalidInput e) {
			Flash.error(redirect, e);
			redirect.addFlashAttribute("instanceUrl", instanceUrl);
			return back(workspaceId);
		}
	}

	@PostMapping("/w/{workspaceId}/connections/mastodon/token")
	String token(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(defaultValue = "") String instanceUrl,
			@RequestParam(defaultValue = "") String accessToken, RedirectAttributes redirect) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		try {
			connected(redirect, withToken.connect(workspaceId, instanceUrl, accessToken));
		}
		catch (InvalidInput e) {
			Flash.error(redirect, e);
			redirect.addFlashAttribute("instanceUrl", instanceUrl);
		}
		return back(workspaceId);
	}

	@GetMapping(MastodonRedirect.CALLBACK_PATH)
	String callback(CurrentUser user, @RequestParam(required = false) String state,
			@RequestParam(required = false) String code, @RequestParam(required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		try {
			ConnectionView view = completion.complete(user, state, code, error, errorDescription);
			connected(redirect, view);
			return back(view.workspaceId());
		}
		catch (CompleteAuthorization.Failed e) {
			if (e.workspaceId == null) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("titleKey", "networks.error.callback");
				model.addAttribute("detail", e.getMessage());
				return "connections/error";
			}
			Flash.error(redirect, "callback", e.getMessage());
			return back(e.workspaceId);
		}
	}

	private void connected(RedirectAttributes redirect, ConnectionView view) {
		Flash.notice(redirect, messages, "networks.connections.connected", view.handle());
	}

	private static String back(UUID workspaceId) {
		return "redirect:/w/" + workspaceId + "/connections";
	}
}
