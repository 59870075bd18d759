package io.vitrine.networks.bluesky;

import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.outbound.OutboundFailure;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the record a target's post has (or would have) with com.atproto.repo.getRecord. The keys
 * are ours, so finding one settles whether the post went out; its text is compared too, so that a
 * clash with another target's key is never taken for success but sends the search to the next key.
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

	/**
	 * Walks the target's candidate keys in order: a key holding another post sends the search on, anything else
	 * settles it. A target only ever moves to a key after the one before it was found taken, so a key proven
	 * empty means the post is at no later key either.
	 */
	ReconcileOutcome find(Session session, UUID targetId, String text) {
		for (int n = 0; n < RecordKey.CANDIDATES; n++) {
			Lookup lookup = lookup(session, RecordKey.of(targetId, n), text);
			if (!lookup.heldByAnother()) {
				return lookup.outcome();
			}
		}
		return new ReconcileOutcome.Inconclusive("each of the post's " + RecordKey.CANDIDATES
				+ " record keys holds another post");
	}

	/** What one key holds; {@code heldByAnother} when it is another post's, so the target's next key is the one to try. */
	record Lookup(ReconcileOutcome outcome, boolean heldByAnother) {

		static Lookup settled(ReconcileOutcome outcome) {
			return new Lookup(outcome, false);
		}
	}

	Lookup lookup(Session session, String rkey, String text) {
		XrpcAnswer answer;
		try {
			answer = xrpc.query(session.pdsUrl(), "com.atproto.repo.getRecord",
					Map.of("repo", session.did(), "collection", PostRecord.COLLECTION, "rkey", rkey));
		}
		catch (OutboundFailure e) {
			return Lookup.settled(new ReconcileOutcome.Inconclusive("could not read the post back: " + e.getMessage()));
		}
		if (answer.ok()) {
			String stored = XrpcAnswer.text(answer.body().path("value"), "text");
			if (text.equals(stored)) {
				return Lookup.settled(new ReconcileOutcome.Found(uri(session, rkey), webUrl(session, rkey)));
			}
			return new Lookup(new ReconcileOutcome.Inconclusive("another post already has the record key " + rkey), true);
		}
		if (answer.status() == 400 && "RecordNotFound".equals(answer.error())) {
			return Lookup.settled(new ReconcileOutcome.NotFound());
		}
		if (answer.status() == 429) {
			return Lookup.settled(new ReconcileOutcome.RateLimited(answer.retryAt(clock), "Bluesky rate limit: " + answer.message()));
		}
		if (ACCOUNT_GONE.contains(answer.error())) {
			return Lookup.settled(new ReconcileOutcome.Reauthorize("Bluesky no longer serves this account: " + answer.message()));
		}
		return Lookup.settled(new ReconcileOutcome.Inconclusive("reading the post back: " + answer.message()
				+ " (HTTP " + answer.status() + ")"));
	}

	static String uri(Session session, String rkey) {
		return "at://" + session.did() + "/" + PostRecord.COLLECTION + "/" + rkey;
	}

	/** The post's page in the official app; the DID stands in when the handle is not known. */
	static String webUrl(Session session, String rkey) {
		return "https://bsky.app/profile/" + (session.handle() != null ? session.handle() : session.did()) + "/post/" + rkey;
	}
}
