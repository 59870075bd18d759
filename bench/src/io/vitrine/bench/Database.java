package io.vitrine.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One scenario's database. PostgreSQL: one embedded server for the whole run (zonky, the one the
 * tests use, with fsync and synchronous_commit on like a production server), a fresh database per
 * scenario. H2: a fresh file per scenario, opened first by Vitrine (AUTO_SERVER) and read by the
 * bench through Vitrine's local TCP port.
 */
final class Database {

	private static EmbeddedPostgres postgres;

	private static int created;

	final String kind;

	final String url;

	final String user;

	final String password;

	private Database(String kind, String url, String user, String password) {
		this.kind = kind;
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static Database create(String kind, Path dir, String scenario) throws IOException, SQLException {
		if (kind.equals("postgres")) {
			EmbeddedPostgres server = server(dir.getParent().resolve("postgres-server"));
			String name = "bench_" + scenario + "_" + (++created);
			try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
					Statement s = c.createStatement()) {
				s.execute("create database " + name);
			}
			return new Database(kind, server.getJdbcUrl("postgres", name), "postgres", "postgres");
		}
		if (kind.equals("h2")) {
			return new Database(kind, "jdbc:h2:file:" + dir.resolve("data").toAbsolutePath() + "/vitrine;MODE=PostgreSQL;"
					+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE", "sa", "");
		}
		throw new IllegalArgumentException("unknown database " + kind + " (h2 or postgres)");
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url, user, password);
	}

	private static synchronized EmbeddedPostgres server(Path dir) throws IOException {
		if (postgres == null) {
			Bench.log("postgres: starting embedded PostgreSQL");
			postgres = EmbeddedPostgres.builder()
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "300")
				// zonky turns durability off for tests; a production PostgreSQL has it on, so the bench does too.
				.setServerConfig("fsync", Bench.env("BENCH_PG_FSYNC", "on"))
				.setServerConfig("synchronous_commit", Bench.env("BENCH_PG_SYNCHRONOUS_COMMIT", "on"))
				.setDataDirectory(dir.toAbsolutePath())
				.setCleanDataDirectory(true)
				.start();
		}
		return postgres;
	}

	static synchronized void closeAll() throws IOException {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}
}
