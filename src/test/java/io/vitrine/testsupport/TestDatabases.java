package io.vitrine.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh, empty databases for tests: an in-memory H2 in PostgreSQL mode (the embedded default), or
 * a new database on a real PostgreSQL — the server named by VITRINE_TEST_PG_URL (a JDBC URL to an
 * admin database, with VITRINE_TEST_PG_USER / VITRINE_TEST_PG_PASSWORD) or else one embedded
 * PostgreSQL started once per test JVM from Maven jars.
 */
public final class TestDatabases {

	public record Db(String url, String user, String password) {
	}

	private static EmbeddedPostgres embedded;

	private TestDatabases() {
	}

	public static Db freshH2() {
		return new Db("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
	}

	public static Db freshPostgres() {
		String name = "vitrine_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		String external = System.getenv("VITRINE_TEST_PG_URL");
		try {
			if (external != null && !external.isBlank()) {
				String user = System.getenv().getOrDefault("VITRINE_TEST_PG_USER", "postgres");
				String password = System.getenv().getOrDefault("VITRINE_TEST_PG_PASSWORD", "");
				try (Connection c = java.sql.DriverManager.getConnection(external, user, password);
						Statement s = c.createStatement()) {
					s.execute("create database " + name);
				}
				return new Db(external.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user, password);
			}
			DataSource admin = embedded().getPostgresDatabase();
			try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
				s.execute("create database " + name);
			}
			return new Db(embedded().getJdbcUrl("postgres", name), "postgres", "postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create a test database on PostgreSQL", e);
		}
	}

	private static synchronized EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("embedded PostgreSQL did not start", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (IOException ignored) {
					// the JVM is exiting; the temp folder goes with it
				}
			}));
		}
		return embedded;
	}
}
