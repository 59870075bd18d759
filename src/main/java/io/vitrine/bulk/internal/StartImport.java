package io.vitrine.bulk.internal;

import io.vitrine.bulk.ImportStatus;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Starts (or resumes) a previewed import in the background. The import's id is its idempotency key: a
 * second click, a retried API call or a second node finds it already claimed and only reports where it is.
 */
@Service
public class StartImport {

	/** A run whose heartbeat is older than this stopped with its node; it may be resumed. */
	static final Duration STALE = Duration.ofMinutes(2);

	private final Imports imports;

	private final ImportJobs jobs;

	private final RunImport run;

	private final Clock clock;

	StartImport(Imports imports, ImportJobs jobs, RunImport run, Clock clock) {
		this.imports = imports;
		this.jobs = jobs;
		this.run = run;
		this.clock = clock;
	}

	public ImportStatus start(Member member, UUID importId, boolean validRowsOnly) {
		Policies.require(Policies.MAY_COMPOSE, member, "import posts");
		ImportStatus status = imports.find(member.workspaceId(), importId).orElseThrow(() -> new NotFound("import " + importId));
		if (status.finished() || "importing".equals(status.state()) && !stalled(status)) {
			return status;
		}
		if (status.rowsValid() == 0) {
			throw InvalidInput.of("validRowsOnly", "none-valid", "no row of this file is valid: there is nothing to import");
		}
		if (!validRowsOnly && status.rowsInvalid() > 0) {
			throw InvalidInput.of("validRowsOnly", "all-valid", status.rowsInvalid() + " rows have errors: correct the file"
					+ " and upload it again, or choose to import the " + status.rowsValid() + " valid rows only");
		}
		Instant now = clock.instant();
		if (imports.claim(member.workspaceId(), importId, validRowsOnly, now, now.minus(STALE))) {
			jobs.submit(() -> run.run(member, importId));
		}
		return imports.find(member.workspaceId(), importId).orElseThrow();
	}

	/** Importing, but its run has not beaten for {@link #STALE}: its node stopped, and starting it again resumes it. */
	public boolean stalled(ImportStatus status) {
		return "importing".equals(status.state()) && status.updatedAt().isBefore(clock.instant().minus(STALE));
	}
}
