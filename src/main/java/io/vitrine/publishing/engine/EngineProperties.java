package io.vitrine.publishing.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param nodeId names this process in leases; blank means host name + process id
 * @param lease how long a claim stays valid without a heartbeat; a dead node's claims are recovered after it
 * @param firstReconcileDelay how long after an ambiguous send the account's posts are first read back
 *     (the network may still be processing the request)
 * @param pendingMaxPoll the longest wait between two questions about a pending post, whatever the network suggests
 * @param pendingGiveUp how long after it was sent a post still pending is given up as failed (the person checks
 *     the account); Instagram containers expire after 24 hours
 */
@ConfigurationProperties("vitrine.engine")
record EngineProperties(boolean enabled, String nodeId, Duration pollInterval, int batchSize, int concurrency,
		Duration lease, Duration firstReconcileDelay, Duration pendingMaxPoll, Duration pendingGiveUp) {

	EngineProperties {
		pendingMaxPoll = pendingMaxPoll == null ? Duration.ofMinutes(10) : pendingMaxPoll;
		pendingGiveUp = pendingGiveUp == null ? Duration.ofHours(24) : pendingGiveUp;
	}
}
