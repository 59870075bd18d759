package io.vitrine.networks.bluesky;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Bluesky, through the account's own PDS. Each target's post gets a record key derived from the
 * target's id, so the network itself refuses a second copy: a retry can never duplicate a post.
 */
@Component
class BlueskyConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("bluesky");

	static final String RATE_LIMITS = "https://docs.bsky.app/docs/advanced-guides/rate-limits";

	/** Points a PDS charges for creating a record, and what an account may spend an hour and a day. */
	static final int CREATE_POINTS = 3, POINTS_PER_HOUR = 5_000, POINTS_PER_DAY = 35_000;

	/**
	 * A post is one created record. Likes and follows made in other apps spend the same points unseen by Vitrine:
	 * the PDS's 429 answer, read as rate-limited, covers those.
	 */
	static final List<PublishQuota> RECORD_WRITES = List.of(
			new PublishQuota(POINTS_PER_HOUR / CREATE_POINTS, Duration.ofHours(1), PublishQuota.Scope.ACCOUNT, RATE_LIMITS),
			new PublishQuota(POINTS_PER_DAY / CREATE_POINTS, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT, RATE_LIMITS));

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
	public List<PublishQuota> quotas() {
		return RECORD_WRITES;
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
