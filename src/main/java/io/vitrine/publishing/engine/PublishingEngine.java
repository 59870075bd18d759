package io.vitrine.publishing.engine;

import io.vitrine.publishing.TargetView;
import io.vitrine.publishing.TargetsBecameDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The loop of one node: claim due targets (as many as it has free workers), send each on a
 * virtual thread, heartbeat its claims, take back dead nodes' claims, and reconcile unknowns.
 * Any number of nodes may share one database.
 */
@Component
class PublishingEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PublishingEngine.class);

	private final EngineProperties properties;

	private final DueTargets due;

	private final Leases leases;

	private final PublishTarget publisher;

	private final Reconciliation reconciliation;

	private final PendingChecks pending;

	private final Clock clock;

	private final String owner;

	private final Semaphore workers;

	/** While targets are in flight, claim only once at least this many workers are free. */
	private final int minimumClaim;

	private final Semaphore wakeUp = new Semaphore(0);

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private volatile boolean running;

	private Thread loop;

	PublishingEngine(EngineProperties properties, DueTargets due, Leases leases, PublishTarget publisher,
			Reconciliation reconciliation, PendingChecks pending, Clock clock) {
		this.pending = pending;
		this.properties = properties;
		this.due = due;
		this.leases = leases;
		this.publisher = publisher;
		this.reconciliation = reconciliation;
		this.clock = clock;
		String node = properties.nodeId() == null || properties.nodeId().isBlank() ? defaultNodeId() : properties.nodeId();
		this.owner = claimOwner(node);
		this.workers = new Semaphore(properties.concurrency());
		this.minimumClaim = Math.max(1, Math.min(properties.batchSize(), properties.concurrency()) / 4);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(TargetsBecameDue event) {
		wakeUp.release();
	}

	@Override
	public void start() {
		if (!properties.enabled()) {
			log.info("Publishing engine disabled on this node");
			return;
		}
		running = true;
		loop = Thread.ofPlatform().name("publishing-engine").daemon().start(this::run);
		log.info("Publishing engine started as {} ({} workers, lease {})", owner, properties.concurrency(), properties.lease());
	}

	@Override
	public void stop() {
		running = false;
		wakeUp.release();
		if (loop != null) {
			try {
				loop.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		executor.shutdown();
		try {
			// Unfinished sends keep their claim; it expires and another node (or the next start) reconciles them.
			executor.awaitTermination(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		Instant nextHousekeeping = Instant.MIN;
		Instant nextPendingRound = Instant.MIN;
		while (running) {
			try {
				Instant now = clock.instant();
				if (!now.isBefore(nextHousekeeping)) {
					housekeeping(now);
					nextHousekeeping = now.plus(properties.lease().dividedBy(3));
				}
				if (!now.isBefore(nextPendingRound)) {
					// More often than housekeeping: a network's "ask again in 5 s" should not wait 20 s.
					int free = Math.min(workers.availablePermits(), 50);
					dispatch(pending.claim(owner, now, now.plus(properties.lease()), free), id -> id, pending::check);
					nextPendingRound = now.plus(PendingChecks.MIN_POLL);
				}
				int free = Math.min(workers.availablePermits(), properties.batchSize());
				if (free < minimumClaim && workers.availablePermits() < properties.concurrency()) {
					// Busy: let more workers finish first, so that each claim (a statement that walks the
					// index and locks rows) takes a worthwhile batch instead of a few rows at a time.
					wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					continue;
				}
				List<TargetView> claimed = due.claim(owner, now, now.plus(properties.lease()), free);
				dispatch(claimed, TargetView::id, publisher::publish);
				if (claimed.size() < free || free == 0) {
					wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					wakeUp.drainPermits();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				// The database may be briefly unreachable; claims are safe to retry, so wait and go on.
				log.error("Publishing engine loop failed; retrying", e);
				sleepQuietly(properties.pollInterval());
			}
		}
	}

	private void housekeeping(Instant now) {
		leases.heartbeat(owner, now.plus(properties.lease()));
		leases.recoverExpired(now);
		int free = Math.min(workers.availablePermits(), 50);
		dispatch(reconciliation.claim(owner, now, now.plus(properties.lease()), free), List::getFirst,
				reconciliation::reconcileAll);
	}

	private <T> void dispatch(List<T> targets, Function<T, UUID> idOf, BiConsumer<T, String> work) {
		for (T target : targets) {
			workers.acquireUninterruptibly();
			executor.execute(() -> {
				try {
					work.accept(target, owner);
				}
				catch (RuntimeException e) {
					log.error("Target {} could not be processed; its claim will expire and be recovered", idOf.apply(target), e);
				}
				finally {
					workers.release();
					wakeUp.release();
				}
			});
		}
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Unique per run: a node restarted under the same name must not heartbeat, and so keep alive
	 * forever, the claims its dead predecessor left behind.
	 */
	static String claimOwner(String node) {
		return node + "#" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String defaultNodeId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception e) {
			host = "node";
		}
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
	}
}
