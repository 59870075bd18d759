package io.vitrine.bulk.internal;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The background thread imports run on: one at a time per node, so that a 10,000-row import leaves the
 * database to the publishing engine between its batches rather than competing with it on every core.
 */
@Component
class ImportJobs {

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "bulk-import");
		thread.setDaemon(true);
		return thread;
	});

	void submit(Runnable job) {
		executor.submit(job);
	}

	@PreDestroy
	void stop() {
		// An import stopped here stays "importing" until its heartbeat goes stale; then it can be resumed.
		executor.shutdownNow();
	}
}
