package io.vitrine.publishing.engine;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** H2 file database shared with the child process through H2's automatic mixed mode. */
class CrashSafetyOnH2Test extends CrashSafetyContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createTempDirectory("vitrine-crash-h2");
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("vitrine")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE");
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
		registry.add("vitrine.data-dir", dir::toString);
	}
}
