package io.vitrine.networks.bluesky;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.web.Flash;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The page to connect (or reconnect) a Bluesky account with an app password. */
@Controller
@RequestMapping("/w/{workspaceId}/connections/bluesky/new")
class BlueskyConnectPage {

	/** What the form shows back; the app password never is. */
	record Form(String identifier, String serviceUrl) {
	}

	private final WorkspaceAccess access;

	private final ConnectBluesky connect;

	private final MessageSource messages;

	BlueskyConnectPage(WorkspaceAccess access, ConnectBluesky connect, MessageSource messages) {
		this.messages = messages;
		this.access = access;
		this.connect = connect;
	}

	/** {@code identifier} and {@code serviceUrl} prefill the form, for a "reconnect" link. */
	@GetMapping
	String form(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(required = false) String identifier,
			@RequestParam(required = false) String serviceUrl, Model model) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, member, "connect accounts");
		return page(model, member, new Form(identifier == null ? "" : identifier,
				serviceUrl == null || serviceUrl.isBlank() ? ConnectBluesky.DEFAULT_SERVER : serviceUrl), Map.of());
	}

	@PostMapping
	String connect(CurrentUser user, @PathVariable UUID workspaceId, @RequestParam(defaultValue = "") String identifier,
			@RequestParam(defaultValue = "") String appPassword, @RequestParam(defaultValue = "") String serviceUrl, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Member member = access.require(user, workspaceId);
		try {
			ConnectionView connected = connect.connect(member, new ConnectBluesky.Request(identifier, appPassword, serviceUrl));
			// The connections page translates its notice itself, from a key and an argument.
			Flash.notice(redirect, messages, "networks.connections.connected", connected.handle());
			return "redirect:/w/" + workspaceId + "/connections";
		}
		catch (InvalidInput e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Map<String, InvalidInput.Problem> problems = new LinkedHashMap<>();
			e.problems().forEach(p -> problems.putIfAbsent(p.field(), p));
			return page(model, member, new Form(identifier, serviceUrl), problems);
		}
	}

	private static String page(Model model, Member member, Form form, Map<String, InvalidInput.Problem> problems) {
		model.addAttribute("workspaceId", member.workspaceId());
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "bluesky/connect";
	}
}
