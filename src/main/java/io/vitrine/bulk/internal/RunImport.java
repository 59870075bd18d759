package io.vitrine.bulk.internal;

import io.vitrine.publishing.PostBatches;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostView;
import io.vitrine.workspaces.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a claimed import, batch after batch. Each batch is one transaction holding its posts and
 * the marks of the rows they came from, so a crash leaves every row either imported (and skipped when
 * resumed) or not (and imported then) — never posted twice. Each row is checked again first: time has
 * passed since the preview, and an account may have been disconnected.
 */
@Component
class RunImport {

	private static final Logger log = LoggerFactory.getLogger(RunImport.class);

	private final Imports imports;

	private final PreviewImport preview;

	private final RowCheck rows;

	private final PostBatches batches;

	private final TransactionTemplate tx;

	private final ImportProperties properties;

	private final Clock clock;

	RunImport(Imports imports, PreviewImport preview, RowCheck rows, PostBatches batches, TransactionTemplate tx,
			ImportProperties properties, Clock clock) {
		this.imports = imports;
		this.preview = preview;
		this.rows = rows;
		this.batches = batches;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	void run(Member member, UUID importId) {
		try {
			RowCheck.Context context = preview.context(member);
			while (true) {
				List<Imports.StoredRow> pending = imports.pending(importId, properties.batchSize());
				if (pending.isEmpty()) {
					break;
				}
				tx.executeWithoutResult(status -> importBatch(member, importId, context, pending));
			}
			imports.finish(importId, "done", null, clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("Import {} stopped; starting it again resumes it", importId, e);
			imports.finish(importId, "failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
		}
	}

	private void importBatch(Member member, UUID importId, RowCheck.Context context, List<Imports.StoredRow> pending) {
		List<Imports.StoredRow> valid = new ArrayList<>();
		List<PostDraft> drafts = new ArrayList<>();
		int failed = 0;
		for (Imports.StoredRow row : pending) {
			RowCheck.Checked checked = rows.check(context, row.number(), row.fields());
			if (checked.valid()) {
				valid.add(row);
				drafts.add(checked.draft());
			}
			else {
				imports.failed(importId, row.number(), checked.problems());
				failed++;
			}
		}
		List<PostView> posts = batches.createAll(member, drafts);
		Map<Integer, UUID> marks = new LinkedHashMap<>();
		for (int i = 0; i < posts.size(); i++) {
			marks.put(valid.get(i).number(), posts.get(i).id());
		}
		imports.imported(importId, marks);
		imports.progress(importId, posts.size(), failed, clock.instant());
	}
}
