package io.vitrine.publishing.engine;

import io.vitrine.testsupport.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

@TestConfiguration(proxyBeanMethods = false)
class EngineTestConfig {

	@Bean
	ScriptedConnector scriptedConnector() {
		return new ScriptedConnector();
	}

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(Instant.parse("2026-03-20T08:00:00Z"));
	}
}
