package io.vitrine.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

final class DatabaseProperties {

	private DatabaseProperties() {
	}

	static void register(DynamicPropertyRegistry registry, TestDatabases.Db db) {
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::user);
		registry.add("spring.datasource.password", db::password);
	}
}
