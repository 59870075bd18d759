package io.vitrine.networks;

import java.time.Instant;
import java.util.List;

/**
 * How much of its network's {@link PublishQuota}s an account has used, as the publishing side counts it (the
 * connections page and its API show it; publishing implements it, since it knows what was sent).
 */
public interface QuotaUsages {

	/** One entry per quota of the account's network, in the connector's order; empty for networks without quotas. */
	List<QuotaUsage> of(ConnectionView account);

	/**
	 * @param used posts counted in the window ending now
	 * @param nextSlotAt when the oldest counted post leaves the window (a slot frees); null when none is counted
	 */
	record QuotaUsage(PublishQuota quota, int used, Instant nextSlotAt) {

		public boolean full() {
			return used >= quota.max();
		}
	}
}
