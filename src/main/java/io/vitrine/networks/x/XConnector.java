package io.vitrine.networks.x;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.Polls;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.oauth.OAuthTokens;
import io.vitrine.outbound.AddressNotAllowed;
import io.vitrine.outbound.ConnectFailed;
import io.vitrine.outbound.OutcomeUnknown;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes posts to X with {@code POST /2/tweets}, images uploaded first. X has no idempotency
 * key: a post whose answer was lost is reported unknown and found again by reading the account's
 * posts, never sent a second time on a guess.
 *
 * <p>A thread is a chain of replies ({@code reply.in_reply_to_tweet_id}), sent one after the other. When the chain
 * stops half-way (rate limit, lost answer, node stopped), the target is pending with how far it went
 * ({@link XThread}); before going on, the account's recent posts are read, so a reply X already has is never sent
 * again.
 */
@Component
class XConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("x");

	private final XApi api;

	private final XMedia media;

	private final XRateLimits limits;

	private final XFindPost findPost;

	/** A thread step whose answer was lost is looked for after this long: X's timeline shows a new post within seconds. */
	static final Duration LOST_REPLY_CHECK = Duration.ofMinutes(1);

	private final OAuthTokens tokens;

	private final Clock clock;

	XConnector(XApi api, XMedia media, XRateLimits limits, XFindPost findPost, OAuthTokens tokens, Clock clock) {
		this.clock = clock;
		this.api = api;
		this.media = media;
		this.limits = limits;
		this.findPost = findPost;
		this.tokens = tokens;
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return XRules.NETWORK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.PUBLISH, Capability.IMAGES, Capability.RECONCILE, Capability.ASYNC_PUBLISH);
	}

	@Override
	public List<VariantField> variantFields() {
		return List.of(XRules.THREAD, Polls.OPTIONS, Polls.DURATION);
	}

	/** No idempotency key on X: once a request may have left, sending again may post twice. */
	@Override
	public Duration safeResendWindow() {
		return Duration.ZERO;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return XRules.LIMITS;
	}

	/** X's limits are the same for every account; the stored ones are ignored. */
	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits ignored) {
		return XRules.check(variant);
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		Optional<PublishOutcome> refused = validate(request.variant(), channel.limits()).refusal();
		if (refused.isPresent()) {
			return refused.get();
		}
		Optional<Instant> blocked = limits.blockedUntil(channel.id(), XApi.POSTS);
		if (blocked.isEmpty() && !request.variant().images().isEmpty()) {
			blocked = limits.blockedUntil(channel.id(), XApi.MEDIA_UPLOAD);
		}
		if (blocked.isPresent()) {
			return new PublishOutcome.RateLimited(blocked.get(), "X's rate limit is used up until " + blocked.get()
					+ "; the post was not sent");
		}
		try {
			return tokens.call(channel, token -> {
				List<String> mediaIds = new ArrayList<>();
				for (int i = 0; i < request.variant().images().size(); i++) {
					mediaIds.add(media.mediaId(channel, token, request, i));
				}
				PublishOutcome head = post(channel, token, request, mediaIds);
				List<String> parts = XRules.threadParts(request.variant());
				if (head instanceof PublishOutcome.Published published && !parts.isEmpty()) {
					return continueThread(channel, token, parts, XThread.started(published.remoteId()));
				}
				return head;
			});
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
		catch (XStop stop) {
			return stop.outcome;
		}
	}

	private PublishOutcome post(Channel channel, String token, PublishRequest request, List<String> mediaIds) {
		XAnswer answer;
		try {
			answer = api.createPost(token, request.variant().fullText(), mediaIds, null, Polls.options(request.variant()),
					Polls.duration(request.variant()));
		}
		catch (AddressNotAllowed e) {
			return new PublishOutcome.Rejected(e.getMessage());
		}
		catch (ConnectFailed e) {
			return new PublishOutcome.Transient("Could not reach X: " + e.getMessage());
		}
		catch (OutcomeUnknown e) {
			return new PublishOutcome.Unknown("The post was sent to X but no answer came back (" + e.getMessage() + ")");
		}
		limits.record(channel.id(), XApi.POSTS, answer);
		int status = answer.status();
		if (answer.ok()) {
			Optional<String> id = answer.dataText("id");
			if (id.isPresent()) {
				return new PublishOutcome.Published(id.get(), postUrl(channel, id.get()));
			}
			return answer.body().has("errors") ? new PublishOutcome.Rejected(answer.message())
					: new PublishOutcome.Unknown("X answered HTTP " + status + " without a post id");
		}
		if (status == 401) {
			// Refused before anything was created: the token is refreshed and the post sent once more.
			throw new OAuthTokens.TokenRejected("X refused the access token: " + answer.message());
		}
		if (status == 429) {
			return new PublishOutcome.RateLimited(limits.resetAfterRefusal(channel.id(), XApi.POSTS, answer),
					"X rate limit: " + answer.message());
		}
		if (status >= 500 || status == 408) {
			return new PublishOutcome.Unknown("X answered HTTP " + status + " (" + answer.message()
					+ "); the post may or may not exist");
		}
		return new PublishOutcome.Rejected(answer.message());
	}

	/** A thread that stopped half-way: what X already has is read first, then the rest is sent. */
	@Override
	public PublishOutcome checkPending(Channel channel, PublishRequest request, String remoteRef) {
		XThread thread = XThread.parse(remoteRef);
		List<String> parts = XRules.threadParts(request.variant());
		Optional<Instant> blocked = limits.blockedUntil(channel.id(), XApi.POSTS);
		if (blocked.isPresent()) {
			return stopped(thread, parts, blocked.get(), "X's rate limit is used up until " + blocked.get());
		}
		try {
			return tokens.call(channel, token -> {
				XThread caughtUp = findPost.caughtUp(channel, token, thread, parts);
				return continueThread(channel, token, parts, caughtUp);
			});
		}
		catch (OAuthTokens.Problem problem) {
			return problem.outcome();
		}
		catch (XStop stop) {
			return stop.outcome;
		}
	}

	/** Sends the thread's further posts from {@code thread.next()}, each a reply to the one before. */
	private PublishOutcome continueThread(Channel channel, String token, List<String> parts, XThread thread) {
		XThread at = thread;
		while (at.next() < parts.size()) {
			String text = parts.get(at.next());
			XAnswer answer;
			try {
				answer = api.createPost(token, text, List.of(), at.lastId());
			}
			catch (AddressNotAllowed e) {
				return new PublishOutcome.Rejected(e.getMessage());
			}
			catch (ConnectFailed e) {
				return stopped(at, parts, clock.instant(), "could not reach X: " + e.getMessage());
			}
			catch (OutcomeUnknown e) {
				return stopped(at, parts, clock.instant().plus(LOST_REPLY_CHECK), "post " + (at.next() + 2)
						+ " was sent but no answer came back; looking for it before anything is sent again");
			}
			limits.record(channel.id(), XApi.POSTS, answer);
			Optional<String> id = answer.ok() ? answer.dataText("id") : Optional.empty();
			if (id.isPresent()) {
				at = at.advanced(id.get());
				continue;
			}
			if (answer.status() == 401) {
				// Not thrown: a refresh would run the whole publish again, first post included. The next step refreshes.
				return stopped(at, parts, clock.instant(), "X refused the access token (" + answer.message() + ")");
			}
			if (answer.status() == 429) {
				return stopped(at, parts, limits.resetAfterRefusal(channel.id(), XApi.POSTS, answer), "X rate limit: " + answer.message());
			}
			if (answer.ok() || answer.status() >= 500 || answer.status() == 408) {
				return stopped(at, parts, clock.instant().plus(LOST_REPLY_CHECK), "X answered HTTP " + answer.status()
						+ " to post " + (at.next() + 2) + "; looking for it before anything is sent again");
			}
			return new PublishOutcome.Rejected("X refused post " + (at.next() + 2) + " of the thread: " + answer.message()
					+ ". Posts 1 to " + (at.next() + 1) + " are on X (" + postUrl(channel, at.headId())
					+ "); sending the post again would repeat them.");
		}
		return new PublishOutcome.Published(at.headId(), postUrl(channel, at.headId()));
	}

	private static PublishOutcome stopped(XThread at, List<String> parts, Instant when, String why) {
		return new PublishOutcome.Pending(at.ref(), when, "thread at post " + (at.next() + 1) + " of " + (parts.size() + 1)
				+ ": " + why);
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		ReconcileOutcome found = findPost.find(channel, request, sentAt);
		if (found instanceof ReconcileOutcome.Found head && !XRules.threadParts(request.variant()).isEmpty()) {
			return new ReconcileOutcome.Continuing(XThread.started(head.remoteId()).ref(),
					"its first post is on X; the rest of the thread follows");
		}
		return found;
	}

	static String postUrl(Channel channel, String id) {
		String handle = channel.handle().startsWith("@") ? channel.handle().substring(1) : channel.handle();
		return XOAuth.SERVER + "/" + handle + "/status/" + id;
	}
}
