package io.vitrine.networks.bluesky;

import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Writes a target's post into the account's repository (com.atproto.repo.createRecord) under its
 * own record key. Everything before that call (images, mentions) creates nothing anyone sees, so
 * it may fail and be retried freely; after it, only reading the key back tells what happened.
 */
@Component
class CreatePost {

	private static final String CREATE_RECORD = "com.atproto.repo.createRecord";

	private final Xrpc xrpc;

	private final BlobUploads uploads;

	private final Mentions mentions;

	private final FindPost findPost;

	private final Clock clock;

	CreatePost(Xrpc xrpc, BlobUploads uploads, Mentions mentions, FindPost findPost, Clock clock) {
		this.xrpc = xrpc;
		this.uploads = uploads;
		this.mentions = mentions;
		this.findPost = findPost;
		this.clock = clock;
	}

	/**
	 * Tries the target's keys in order, moving on only when a key is proven to hold another target's post.
	 *
	 * @throws TokenRejected when the session's token was refused before anything was written
	 */
	PublishOutcome create(Session session, PublishRequest request) {
		String text = PostRecord.text(request.variant().fullText());
		List<Facets.Facet> facets = Facets.detect(text);
		Map<String, String> dids = mentions.resolve(session, facets);
		List<PostRecord.Image> images = uploads.images(session, request, false);
		Attempt attempt = null;
		for (int n = 0; n < RecordKey.CANDIDATES && (attempt == null || attempt.keyTaken()); n++) {
			attempt = createAt(session, request, RecordKey.of(request.targetId(), n), text, facets, dids, images);
		}
		return attempt.outcome();
	}

	/** @param keyTaken the key holds another target's post: nothing was written, the next key may be tried */
	private record Attempt(PublishOutcome outcome, boolean keyTaken) {
	}

	private Attempt createAt(Session session, PublishRequest request, String rkey, String text,
			List<Facets.Facet> facets, Map<String, String> dids, List<PostRecord.Image> images) {
		try {
			XrpcAnswer answer = send(session, rkey, PostRecord.build(text, clock.instant(), facets, dids, images));
			if (answer.status() == 400 && "BlobNotFound".equals(answer.error())) {
				// The server dropped a blob uploaded for an earlier post (since deleted): upload again, once.
				images = uploads.images(session, request, true);
				answer = send(session, rkey, PostRecord.build(text, clock.instant(), facets, dids, images));
			}
			return outcome(session, rkey, text, answer);
		}
		catch (AddressNotAllowed e) {
			return settled(new PublishOutcome.Rejected("Vitrine's outbound guard refused the account's server: " + e.getMessage()));
		}
		catch (ConnectFailed e) {
			return settled(new PublishOutcome.Transient(e.getMessage()));
		}
		catch (OutcomeUnknown e) {
			return afterAmbiguousAnswer(session, rkey, text, e.getMessage());
		}
	}

	private static Attempt settled(PublishOutcome outcome) {
		return new Attempt(outcome, false);
	}

	private XrpcAnswer send(Session session, String rkey, ObjectNode record) {
		ObjectNode body = JsonMapper.shared().createObjectNode();
		body.put("repo", session.did());
		body.put("collection", PostRecord.COLLECTION);
		body.put("rkey", rkey);
		body.set("record", record);
		// The PDS refuses a second record under the same key, so this may ride a kept-alive connection.
		return xrpc.repeatableProcedure(session.pdsUrl(), CREATE_RECORD, body, session.accessJwt());
	}

	private Attempt outcome(Session session, String rkey, String text, XrpcAnswer answer) {
		if (answer.ok()) {
			String uri = XrpcAnswer.text(answer.body(), "uri");
			return settled(new PublishOutcome.Published(uri != null ? uri : FindPost.uri(session, rkey), FindPost.webUrl(session, rkey)));
		}
		TokenRejected.check(answer);
		if (answer.status() == 429) {
			return settled(new PublishOutcome.RateLimited(answer.retryAt(clock), answer.message()));
		}
		if (answer.serverError()) {
			// The PDS answers a second write of the same key with a bare 500: read the key to know.
			return afterAmbiguousAnswer(session, rkey, text, answer.message() + " (HTTP " + answer.status() + ")");
		}
		return settled(new PublishOutcome.Rejected(answer.message()));
	}

	/**
	 * Published when the post is there after all; the key taken when it holds another post (the second write was
	 * refused, so nothing of ours is there); else Unknown, and reconciliation takes over.
	 */
	private Attempt afterAmbiguousAnswer(Session session, String rkey, String text, String what) {
		FindPost.Lookup lookup = findPost.lookup(session, rkey, text);
		if (lookup.heldByAnother()) {
			return new Attempt(new PublishOutcome.Unknown(what + "; " + ((ReconcileOutcome.Inconclusive) lookup.outcome()).message()), true);
		}
		return settled(switch (lookup.outcome()) {
			case ReconcileOutcome.Found f -> new PublishOutcome.Published(f.remoteId(), f.remoteUrl());
			case ReconcileOutcome.NotFound n -> new PublishOutcome.Unknown(what + "; the post is not there (yet)");
			case ReconcileOutcome.Inconclusive i -> new PublishOutcome.Unknown(what + "; " + i.message());
			case ReconcileOutcome.Reauthorize r -> new PublishOutcome.Unknown(what + "; " + r.message());
			case ReconcileOutcome.RateLimited r -> new PublishOutcome.Unknown(what + "; " + r.message(), r.until());
			case ReconcileOutcome.Continuing c -> new PublishOutcome.Unknown(what + "; " + c.message());
		});
	}
}
