package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;

class CrashSafetyOnPostgresTest extends CrashSafetyContract implements OnPostgres {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws Exception {
		String dir = Files.createTempDirectory("vitrine-crash-pg").toString();
		registry.add("vitrine.data-dir", () -> dir);
	}
}
