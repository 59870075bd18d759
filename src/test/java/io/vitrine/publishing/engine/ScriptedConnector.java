package io.vitrine.publishing.engine;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.Violation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Engine tests only: a connector whose answers the test scripts, and which counts every send by
 * idempotency key, like a network that honours keys would store them.
 */
class ScriptedConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("scripted");

	final Deque<PublishOutcome> publishAnswers = new ArrayDeque<>();

	final Deque<ReconcileOutcome> reconcileAnswers = new ArrayDeque<>();

	/** Answers to checkPending; none left means published. */
	final Deque<PublishOutcome> pendingAnswers = new ArrayDeque<>();

	/** The remote references asked about, in order. */
	final List<String> pendingChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

	volatile List<PublishQuota> quotas = List.of();

	volatile List<VariantField> fields = List.of();

	/** How many times the account's posts were read back. */
	final AtomicInteger reads = new AtomicInteger();

	final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

	volatile Set<Capability> capabilities = Set.of(Capability.PUBLISH, Capability.RECONCILE, Capability.SAFE_RESEND);

	volatile Duration resendWindow = Duration.ofHours(1);

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return "Scripted";
	}

	@Override
	public Set<Capability> capabilities() {
		return capabilities;
	}

	@Override
	public NetworkLimits defaultLimits() {
		return new NetworkLimits(20, 0, 0, 0, 0, 0);
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits limits) {
		int length = variant.fullText().codePointCount(0, variant.fullText().length());
		return new VariantCheck(length, limits.maxCharacters(), length > limits.maxCharacters()
				? List.of(new Violation("Scripted", "text", "max-characters", "at most " + limits.maxCharacters() + " characters"))
				: List.of());
	}

	@Override
	public synchronized PublishOutcome publish(Channel channel, PublishRequest request) {
		sends.computeIfAbsent(request.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
		PublishOutcome answer = publishAnswers.poll();
		return answer != null ? answer : new PublishOutcome.Published("remote-" + request.targetId(), "https://scripted.test/" + request.targetId());
	}

	@Override
	public synchronized ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		reads.incrementAndGet();
		ReconcileOutcome answer = reconcileAnswers.poll();
		return answer != null ? answer : new ReconcileOutcome.NotFound();
	}

	@Override
	public synchronized PublishOutcome checkPending(Channel channel, PublishRequest request, String remoteRef) {
		pendingChecks.add(remoteRef);
		PublishOutcome answer = pendingAnswers.poll();
		return answer != null ? answer : new PublishOutcome.Published("remote-" + request.targetId(), "https://scripted.test/" + request.targetId());
	}

	@Override
	public List<PublishQuota> quotas() {
		return quotas;
	}

	@Override
	public List<VariantField> variantFields() {
		return fields;
	}

	@Override
	public Duration safeResendWindow() {
		return resendWindow;
	}

	synchronized void reset() {
		publishAnswers.clear();
		reconcileAnswers.clear();
		pendingAnswers.clear();
		pendingChecks.clear();
		quotas = List.of();
		fields = List.of();
		reads.set(0);
		sends.clear();
		capabilities = Set.of(Capability.PUBLISH, Capability.RECONCILE, Capability.SAFE_RESEND);
		resendWindow = Duration.ofHours(1);
	}
}
