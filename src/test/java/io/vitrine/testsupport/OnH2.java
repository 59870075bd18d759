package io.vitrine.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for Spring tests on the embedded default. A test that must hold on both databases is
 * written once in an abstract class and extended by an {@code OnH2} and an {@code OnPostgres} subclass.
 */
public interface OnH2 {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		DatabaseProperties.register(registry, TestDatabases.freshH2());
	}
}
