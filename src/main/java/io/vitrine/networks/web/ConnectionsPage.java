package io.vitrine.networks.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.QuotaUsages;
import io.vitrine.networks.oauth.OAuthNetwork;
import io.vitrine.networks.oauth.OAuthNetworks;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.shared.Zones;
import io.vitrine.workspaces.Member;
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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The connections page: accounts, their status (with a visible "needs reconnect"), time zone, disconnect. */
@Controller
class ConnectionsPage {

	/** One row of the page: the account, its network's name, whether its access ends soon, and its quotas' use. */
	record Row(ConnectionView connection, String networkName, boolean accessEnding, List<QuotaUsages.QuotaUsage> quotas) {
	}

	private final Connections connections;

	private final Connectors connectors;

	private final WorkspaceAccess access;

	private final MessageSource messages;

	private final OAuthNetworks oauthNetworks;

	private final QuotaUsages quotas;

	private final Clock clock;

	ConnectionsPage(Connections connections, Connectors connectors, WorkspaceAccess access, MessageSource messages,
			OAuthNetworks oauthNetworks, QuotaUsages quotas, Clock clock) {
		this.quotas = quotas;
		this.clock = clock;
		this.connections = connections;
		this.connectors = connectors;
		this.access = access;
		this.messages = messages;
		this.oauthNetworks = oauthNetworks;
	}

	@GetMapping("/w/{workspaceId}/connections")
	String show(CurrentUser user, @PathVariable UUID workspaceId, Model model) {
		Member member = access.require(user, workspaceId);
		Policies.require(Policies.MAY_VIEW, member, "see connections");
		Instant now = clock.instant();
		List<Row> rows = connections.list(workspaceId).stream()
			.map(c -> new Row(c, networkName(c), c.accessEndingBy(now), quotas.of(c)))
			.toList();
		model.addAttribute("member", member);
		model.addAttribute("workspaceId", workspaceId);
		model.addAttribute("rows", rows);
		model.addAttribute("mayManage", Policies.MAY_MANAGE_CONNECTIONS.test(member));
		List<OAuthNetwork> offered = oauthNetworks.configured();
		model.addAttribute("oauthNetworks", offered);
		model.addAttribute("oauthNetworkIds", offered.stream().map(n -> n.id().value()).toList());
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
		return "connections/list";
	}

	@PostMapping("/w/{workspaceId}/connections/{connectionId}/time-zone")
	String timeZone(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId,
			@RequestParam(defaultValue = "") String timeZone, RedirectAttributes redirect) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "change connections");
		try {
			ZoneId zone = timeZone.isBlank() ? null : Zones.parse("timeZone", timeZone);
			ConnectionView view = connections.setTimeZone(workspaceId, connectionId, zone);
			Flash.notice(redirect, messages, "networks.connections.zone-saved", view.handle());
		}
		catch (InvalidInput e) {
			Flash.error(redirect, e);
		}
		return "redirect:/w/" + workspaceId + "/connections";
	}

	@PostMapping("/w/{workspaceId}/connections/{connectionId}/disconnect")
	String disconnect(CurrentUser user, @PathVariable UUID workspaceId, @PathVariable UUID connectionId,
			RedirectAttributes redirect) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "disconnect accounts");
		String handle = connections.get(workspaceId, connectionId).handle();
		connections.disconnect(workspaceId, connectionId);
		Flash.notice(redirect, messages, "networks.connections.disconnected", handle);
		return "redirect:/w/" + workspaceId + "/connections";
	}

	private String networkName(ConnectionView c) {
		try {
			return connectors.get(c.network()).displayName();
		}
		catch (NotFound noConnectorAnyMore) {
			return c.network().value();
		}
	}
}
