package io.vitrine.publishing.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param nodeId names this process in leases; blank means host name + process id
 * @param lease how long a claim stays valid without a heartbeat; a dead node's claims are recovered after it
 * @param firstReconcileDelay how long after an ambiguous send the account's posts are first read back
 *     (the network may still be processing the request)
 */
@ConfigurationProperties("vitrine.engine")
record EngineProperties(boolean enabled, String nodeId, Duration pollInterval, int batchSize, int concurrency,
		Duration lease, Duration firstReconcileDelay) {
}
