package io.vitrine.networks.bluesky;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;

/**
 * Turns the handles a post mentions into DIDs (com.atproto.identity.resolveHandle on the
 * account's PDS). A handle nobody holds stays plain text, as in the official app: a typo in a
 * mention is not a reason to refuse the post.
 */
@Component
class Mentions {

	private final Xrpc xrpc;

	Mentions(Xrpc xrpc) {
		this.xrpc = xrpc;
	}

	/** @return DIDs by lower-cased handle (handles are case-insensitive) */
	Map<String, String> resolve(Session session, List<Facets.Facet> facets) {
		Map<String, String> dids = new LinkedHashMap<>();
		for (Facets.Facet facet : facets) {
			if (!(facet.feature() instanceof Facets.Mention mention)) {
				continue;
			}
			String handle = mention.handle().toLowerCase(Locale.ROOT);
			if (dids.containsKey(handle)) {
				continue;
			}
			XrpcAnswer answer = BlueskyFailure.beforePosting("looking up @" + handle,
					() -> xrpc.query(session.pdsUrl(), "com.atproto.identity.resolveHandle", Map.of("handle", handle)));
			String did = answer.ok() ? XrpcAnswer.text(answer.body(), "did") : null;
			if (did != null && did.startsWith("did:")) {
				dids.put(handle, did);
			}
		}
		return dids;
	}
}
