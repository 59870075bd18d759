package io.vitrine.networks.oauth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.Policies;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/connections")
@Tag(name = "Connections")
class OAuthConnectApi {

	@Schema(name = "OAuthNetworkOffer")
	record Offer(@Schema(description = "Network id, e.g. x") String network, String displayName,
			@Schema(description = "The redirect URL registered in the operator's app on the network") String redirectUri) {
	}

	@Schema(name = "OAuthAuthorization")
	record Authorization(@Schema(description = "Open this address in a browser signed in to Vitrine as the same person; "
			+ "the network sends it back to Vitrine, which saves the account") String authorizeUrl) {
	}

	private final OAuthNetworks networks;

	private final StartOAuth start;

	private final OAuthRedirect redirect;

	private final WorkspaceAccess access;

	OAuthConnectApi(OAuthNetworks networks, StartOAuth start, OAuthRedirect redirect, WorkspaceAccess access) {
		this.networks = networks;
		this.start = start;
		this.redirect = redirect;
		this.access = access;
	}

	@GetMapping("/oauth-networks")
	@Operation(summary = "Networks connected through OAuth with the operator's app (X...), those configured on this server")
	List<Offer> offers(CurrentUser user, @PathVariable UUID workspaceId) {
		Policies.require(Policies.MAY_VIEW, access.require(user, workspaceId), "see connections");
		return networks.configured().stream()
			.map(n -> new Offer(n.id().value(), n.displayName(), redirect.uri(n.id())))
			.toList();
	}

	@PostMapping("/{network}/authorize")
	@Operation(summary = "Start connecting an account of an OAuth network (such as x): returns its authorization address",
			description = "PKCE (S256) and a single-use state bound to the caller; 404 when the network's app is not configured.")
	Authorization authorize(CurrentUser user, @PathVariable UUID workspaceId,
			@Parameter(description = "Network id, e.g. x") @PathVariable String network) {
		Policies.require(Policies.MAY_MANAGE_CONNECTIONS, access.require(user, workspaceId), "connect accounts");
		return new Authorization(start.start(user.id(), workspaceId, network));
	}
}
