package io.vitrine.testsupport;

import io.vitrine.networks.ConnectionView;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Credentials;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.NewConnection;

import java.util.Map;
import java.util.UUID;

/**
 * Mastodon and Bluesky accounts stored straight through {@link Connections}, for tests about what
 * happens around publishing (calendar, queue, approvals, import...) that never reach a network.
 * The handle says everything else: a Mastodon handle names its instance, a Bluesky handle its DID.
 */
public final class TestAccounts {

	/** mastodon.social's limits: 500 characters, 23 per link, 4 images of 8 MB, 1,500 characters of alt text. */
	public static final NetworkLimits MASTODON = new NetworkLimits(500, 0, 23, 4, 8_000_000, 1500);

	/** Bluesky's limits: 300 graphemes in 3,000 bytes, 4 images of 1 MB, 2,000 characters of alt text. */
	public static final NetworkLimits BLUESKY = new NetworkLimits(300, 3000, 0, 4, 1_000_000, 2000);

	private TestAccounts() {
	}

	/** {@code @olga@bakery.example} becomes Olga's account on https://bakery.example. */
	public static ConnectionView mastodon(Connections connections, UUID workspace, String handle) {
		return mastodon(connections, workspace, handle, MASTODON);
	}

	/** The same account with other limits: connecting it again updates it, as when an instance changes its limits. */
	public static ConnectionView mastodon(Connections connections, UUID workspace, String handle, NetworkLimits limits) {
		String[] parts = handle.substring(1).split("@", 2);
		return connections.connect(workspace, new NewConnection(new NetworkId("mastodon"), "https://" + parts[1],
				Integer.toUnsignedString(handle.hashCode()), handle, capitalised(parts[0]), limits,
				new Credentials(Map.of("accessToken", "token"))));
	}

	/** {@code olga.bsky.social} becomes Olga's account, did:plc:olga. */
	public static ConnectionView bluesky(Connections connections, UUID workspace, String handle) {
		String name = handle.substring(0, handle.indexOf('.'));
		return connections.connect(workspace, new NewConnection(new NetworkId("bluesky"), "https://pds.example",
				"did:plc:" + name, handle, capitalised(name), BLUESKY, new Credentials(Map.of("accessToken", "token"))));
	}

	private static String capitalised(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}
}
