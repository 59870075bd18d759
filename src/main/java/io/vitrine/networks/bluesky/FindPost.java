package io.vitrine.networks.bluesky;

import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Reads the record a target's post has (or would have) with com.atproto.repo.getRecord. The key
 * is ours, so finding it settles whether the post went out; its text is compared too, so that
 * the one-in-a-million clash of two targets' keys is never taken for success.
 */
@Component
class FindPost {

	/** The account itself is gone or suspended: reconnecting (or the person) must sort it out. */
	private static final Set<String> ACCOUNT_GONE = Set.of("RepoNotFound", "RepoTakendown", "RepoDeactivated",
			"RepoSuspended", "AccountTakedown", "AccountDeactivated");

	private final Xrpc xrpc;

	private final Clock clock;

	FindPost(Xrpc xrpc, Clock clock) {
		this.xrpc = xrpc;
		this.clock = clock;
	}

	ReconcileOutcome find(Session session, String rkey, String text) {
		XrpcAnswer answer;
		try {
			answer = xrpc.query(session.pdsUrl(), "com.atproto.repo.getRecord",
					Map.of("repo", session.did(), "collection", PostRecord.COLLECTION, "rkey", rkey));
		}
		catch (OutboundFailure e) {
			return new ReconcileOutcome.Inconclusive("could not read the post back: " + e.getMessage());
		}
		if (answer.ok()) {
			String stored = XrpcAnswer.text(answer.body().path("value"), "text");
			if (text.equals(stored)) {
				return new ReconcileOutcome.Found(uri(session, rkey), webUrl(session, rkey));
			}
			return new ReconcileOutcome.Inconclusive("another post already has the record key " + rkey);
		}
		if (answer.status() == 400 && "RecordNotFound".equals(answer.error())) {
			return new ReconcileOutcome.NotFound();
		}
		if (answer.status() == 429) {
			return new ReconcileOutcome.RateLimited(answer.retryAt(clock), "Bluesky rate limit: " + answer.message());
		}
		if (ACCOUNT_GONE.contains(answer.error())) {
			return new ReconcileOutcome.Reauthorize("Bluesky no longer serves this account: " + answer.message());
		}
		return new ReconcileOutcome.Inconclusive("reading the post back: " + answer.message() + " (HTTP " + answer.status() + ")");
	}

	static String uri(Session session, String rkey) {
		return "at://" + session.did() + "/" + PostRecord.COLLECTION + "/" + rkey;
	}

	/** The post's page in the official app; the DID stands in when the handle is not known. */
	static String webUrl(Session session, String rkey) {
		return "https://bsky.app/profile/" + (session.handle() != null ? session.handle() : session.did()) + "/post/" + rkey;
	}
}
