package io.vitrine.publishing.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vitrine.publishing.internal.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What an operator watches: targets due and not yet sent, outcomes, and lateness (how long after
 * its due time each target went out). Exposed on /actuator/prometheus.
 */
@Component
class EngineMetrics {

	private final MeterRegistry registry;

	private final Timer lateness;

	EngineMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
		this.registry = registry;
		this.lateness = Timer.builder("vitrine.publish.lateness")
			.description("time between a target's due time and its publication")
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.register(registry);
		Gauge.builder("vitrine.targets.due", () -> jdbc
				.sql("select count(*) from post_target where state = 'scheduled' and due_at <= ? and awaiting_approval = false")
				.param(Sql.ts(clock.instant()))
				.query(Long.class)
				.single())
			.description("targets due now and not yet claimed (those awaiting approval are not due)")
			.register(registry);
		Gauge.builder("vitrine.targets.unknown", () -> jdbc
				.sql("select count(*) from post_target where state = 'unknown'")
				.query(Long.class)
				.single())
			.description("targets whose outcome is not known yet")
			.register(registry);
		Gauge.builder("vitrine.targets.pending", () -> jdbc
				.sql("select count(*) from post_target where state = 'pending'")
				.query(Long.class)
				.single())
			.description("targets a network accepted and is still processing")
			.register(registry);
	}

	void published(Instant dueAt, Instant publishedAt) {
		outcome("published");
		if (dueAt != null) {
			lateness.record(Duration.between(dueAt, publishedAt).isNegative() ? Duration.ZERO : Duration.between(dueAt, publishedAt));
		}
	}

	void outcome(String outcome) {
		Counter.builder("vitrine.publish.outcomes").tag("outcome", outcome).register(registry).increment();
	}
}
