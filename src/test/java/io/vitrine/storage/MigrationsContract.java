package io.vitrine.storage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "vitrine.engine.enabled=false")
@ActiveProfiles("test")
abstract class MigrationsContract {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migrations_create_every_core_table() {
		for (String table : List.of("app_user", "workspace", "membership", "api_token", "connection", "post",
				"post_target", "target_transition", "media", "media_upload")) {
			Long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
			assertThat(rows).as(table).isNotNull();
		}
	}
}
