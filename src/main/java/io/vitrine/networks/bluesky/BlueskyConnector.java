package io.vitrine.networks.bluesky;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Bluesky, through the account's own PDS. Each target's post gets a record key derived from the
 * target's id, so the network itself refuses a second copy: a retry can never duplicate a post.
 */
@Component
class BlueskyConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("bluesky");

	private final Sessions sessions;

	private final CreatePost createPost;

	private final FindPost findPost;

	BlueskyConnector(Sessions sessions, CreatePost createPost, FindPost findPost) {
		this.sessions = sessions;
		this.createPost = createPost;
		this.findPost = findPost;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return PostRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.SAFE_RESEND, Capability.RECONCILE);
	}

	@Override
	public NetworkLimits defaultLimits() {
		return BlueskyLimits.DEFAULTS;
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits limits) {
		return PostRules.check(variant, limits);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		try {
			return sessions.call(channel, session -> createPost.create(session, request));
		}
		catch (BlueskyFailure failure) {
			return failure.outcome();
		}
	}

	/** The record keys are known in advance, so reconciling reads them (usually just the first), with no token needed. */
	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		Session session;
		try {
			session = sessions.known(channel);
		}
		catch (BlueskyFailure failure) {
			return new ReconcileOutcome.Reauthorize(failure.getMessage());
		}
		return findPost.find(session, request.targetId(), PostRecord.text(request.variant().fullText()));
	}
}
