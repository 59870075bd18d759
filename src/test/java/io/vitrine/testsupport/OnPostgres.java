package io.vitrine.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base for Spring tests on a real PostgreSQL (embedded, or the server in VITRINE_TEST_PG_URL). */
public interface OnPostgres {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		DatabaseProperties.register(registry, TestDatabases.freshPostgres());
	}
}
