package io.vitrine.scheduling.internal;

import io.vitrine.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Every minute (VITRINE_QUEUE_EVERGREEN_INTERVAL), on every node, looks at the active evergreen
 * posts. Safe on several nodes: each decision is taken under the evergreen row's lock.
 */
@Component
class EvergreenJob {

	private static final Logger log = LoggerFactory.getLogger(EvergreenJob.class);

	private final Evergreens evergreens;

	private final EvergreenRequeue requeue;

	private final Clock clock;

	EvergreenJob(Evergreens evergreens, EvergreenRequeue requeue, Clock clock) {
		this.evergreens = evergreens;
		this.requeue = requeue;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vitrine.queue.evergreen-interval:60s}", initialDelayString = "${vitrine.queue.evergreen-interval:60s}")
	void run() {
		for (Evergreens.Evergreen e : evergreens.active()) {
			runOne(e.id());
		}
	}

	/** A copy that can no longer be saved (text over a new limit, account needing reconnection) stops the evergreen, saying why. */
	void runOne(java.util.UUID id) {
		try {
			requeue.requeue(id);
		}
		catch (InvalidInput e) {
			evergreens.stop(id, "its next copy could not be queued: " + e.getMessage(), clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("Evergreen post {} could not be looked at; trying again next time", id, e);
		}
	}
}
