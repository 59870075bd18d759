package io.vitrine.storage;

import io.vitrine.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsOnPostgresTest extends MigrationsContract implements OnPostgres {

	@Test
	void runs_on_a_real_postgresql_server() {
		String version = jdbc.sql("select version()").query(String.class).single();
		assertThat(version).startsWith("PostgreSQL");
	}
}
