package io.vitrine.publishing.engine;

import io.vitrine.testsupport.SettableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@TestConfiguration(proxyBeanMethods = false)
@Import(SettableClock.Config.class)
class EngineTestConfig {

	@Bean
	ScriptedConnector scriptedConnector() {
		return new ScriptedConnector();
	}

}
