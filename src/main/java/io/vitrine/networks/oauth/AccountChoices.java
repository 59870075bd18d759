package io.vitrine.networks.oauth;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;
import io.vitrine.networks.internal.PendingAuthorizations;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The identities one sign-in may publish as (a LinkedIn member and the pages they administer, a
 * Facebook user's Pages...), kept between the callback and the person's choice. They wait, encrypted
 * and bound to the person and workspace, in the same store as authorizations in progress (so the
 * choice may be posted to any node), and the choice is used once. A network only supplies the list
 * ({@link OAuthNetwork#accounts}); this class and its page are the same for all of them.
 */
@Component
public class AccountChoices {

	/** Marks a stored row as a choice, never an authorization a callback could complete. */
	static final String CHOICE = "choice";

	private static final String ACCOUNTS = "accounts";

	/** One identity on offer, without its credentials: what the page and the API show. */
	public record Option(String remoteAccountId, String handle, String displayName) {
	}

	public record Choice(NetworkId network, String networkName, List<Option> options) {
	}

	/** What is kept of one identity until the choice. */
	private record Kept(String serverUrl, String remoteAccountId, String handle, String displayName, NetworkLimits limits,
			Map<String, String> credentials) {
	}

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper json = JsonMapper.builder().build();

	private final PendingAuthorizations pending;

	private final OAuthNetworks networks;

	private final Connections connections;

	private final OAuthTokens tokens;

	AccountChoices(PendingAuthorizations pending, OAuthNetworks networks, Connections connections, OAuthTokens tokens) {
		this.pending = pending;
		this.networks = networks;
		this.connections = connections;
		this.tokens = tokens;
	}

	/** Keeps the identities until the person chooses; returns the single-use id of the choice. */
	String offer(UUID userId, UUID workspaceId, NetworkId network, List<NewConnection> accounts) {
		List<Kept> kept = accounts.stream()
			.map(a -> new Kept(a.serverUrl(), a.remoteAccountId(), a.handle(), a.displayName(), a.limits(),
					a.credentials().asMap()))
			.toList();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		pending.save(id, new PendingAuthorizations.Pending(userId, workspaceId, network, CHOICE, CHOICE,
				new Credentials(Map.of(ACCOUNTS, json.writeValueAsString(kept)))));
		return id;
	}

	/** @throws NotFound when the choice is unknown, used, expired, of someone else or of another workspace */
	public Choice show(UUID userId, UUID workspaceId, String choiceId) {
		PendingAuthorizations.Pending choice = pending.peek(choiceId, userId)
			.filter(p -> isChoice(p, workspaceId))
			.orElseThrow(AccountChoices::gone);
		return new Choice(choice.network(), name(choice.network()),
				kept(choice).stream().map(k -> new Option(k.remoteAccountId(), k.handle(), k.displayName())).toList());
	}

	/**
	 * Connects the chosen identities (by remote account id) and uses the choice up.
	 *
	 * @throws InvalidInput when nothing or an identity not on offer is chosen (the choice is kept)
	 * @throws NotFound as {@link #show}
	 */
	public List<ConnectionView> choose(UUID userId, UUID workspaceId, String choiceId, List<String> chosen) {
		Choice offered = show(userId, workspaceId, choiceId);
		Set<String> wanted = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
		if (wanted.isEmpty()) {
			throw InvalidInput.of("accounts", "required", "Choose at least one account to connect.");
		}
		Set<String> onOffer = new LinkedHashSet<>(offered.options().stream().map(Option::remoteAccountId).toList());
		for (String id : wanted) {
			if (!onOffer.contains(id)) {
				throw InvalidInput.of("accounts", "not-offered", "The account " + id + " was not offered by this sign-in.");
			}
		}
		PendingAuthorizations.Pending choice = pending.take(choiceId, userId)
			.filter(p -> isChoice(p, workspaceId))
			.orElseThrow(AccountChoices::gone);
		return kept(choice).stream()
			.filter(k -> wanted.contains(k.remoteAccountId()))
			.map(k -> {
				ConnectionView view = connections.connect(workspaceId, new NewConnection(choice.network(), k.serverUrl(),
						k.remoteAccountId(), k.handle(), k.displayName(), k.limits(), new Credentials(k.credentials())));
				tokens.forget(view.id());
				return view;
			})
			.toList();
	}

	static boolean isChoice(PendingAuthorizations.Pending pending) {
		return CHOICE.equals(pending.serverUrl());
	}

	private static boolean isChoice(PendingAuthorizations.Pending pending, UUID workspaceId) {
		return isChoice(pending) && pending.workspaceId().equals(workspaceId);
	}

	private List<Kept> kept(PendingAuthorizations.Pending choice) {
		return json.readValue(choice.secrets().require(ACCOUNTS), new TypeReference<List<Kept>>() {
		});
	}

	private String name(NetworkId network) {
		return networks.find(network).map(OAuthNetwork::displayName).orElse(network.value());
	}

	private static NotFound gone() {
		return new NotFound("account choice"); // expired, used, or someone else's
	}
}
