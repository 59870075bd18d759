package io.vitrine.bulk.internal;

import io.vitrine.bulk.ImportStatus;
import io.vitrine.bulk.csv.ImportFile;
import io.vitrine.bulk.csv.ImportFileReader;
import io.vitrine.bulk.csv.RowProblem;
import io.vitrine.categories.ContentCategories;
import io.vitrine.media.MediaLibrary;
import io.vitrine.networks.Connections;
import io.vitrine.networks.Connectors;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads an uploaded file and checks every row as the composer would, then keeps the rows and their
 * problems as an import in state "previewed". Nothing is posted: that waits for {@link StartImport}.
 * A file that cannot be read as a whole (unknown or missing columns, broken quoting) is refused outright.
 */
@Service
public class PreviewImport {

	private final Imports imports;

	private final RowCheck rows;

	private final Connections connections;

	private final Connectors connectors;

	private final MediaLibrary media;

	private final ImportProperties properties;

	private final Clock clock;

	private final ContentCategories categories;

	PreviewImport(Imports imports, RowCheck rows, Connections connections, Connectors connectors, MediaLibrary media,
			ContentCategories categories, ImportProperties properties, Clock clock) {
		this.categories = categories;
		this.imports = imports;
		this.rows = rows;
		this.connections = connections;
		this.connectors = connectors;
		this.media = media;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public ImportStatus preview(Member member, String fileName, byte[] content) {
		Policies.require(Policies.MAY_COMPOSE, member, "import posts");
		ImportFile file = reader().read(content);
		List<RowProblem> fileProblems = file.problems().stream().filter(p -> p.row() == 1 || "file".equals(p.column())).toList();
		if (!fileProblems.isEmpty()) {
			throw new InvalidInput(fileProblems.stream().map(p -> new InvalidInput.Problem("file", p.rule(), p.sentence())).toList());
		}
		if (file.rows().isEmpty()) {
			throw InvalidInput.of("file", "required", "the file has no rows under its header");
		}
		Map<Integer, List<RowProblem>> readProblems = file.problems().stream().collect(Collectors.groupingBy(RowProblem::row));
		RowCheck.Context context = context(member);
		List<Imports.StoredRow> stored = new ArrayList<>(file.rows().size());
		for (ImportFile.Row row : file.rows()) {
			List<RowProblem> problems = new ArrayList<>(readProblems.getOrDefault(row.number(), List.of()));
			problems.addAll(rows.check(context, row.number(), row.values()).problems());
			stored.add(new Imports.StoredRow(row.number(), row.values(), problems, null));
		}
		UUID id = Ids.next();
		imports.create(id, member.workspaceId(), member.userId(), fileName(fileName), stored, clock.instant());
		return imports.find(member.workspaceId(), id).orElseThrow();
	}

	RowCheck.Context context(Member member) {
		return new RowCheck.Context(member, connections.list(member.workspaceId()), media.list(member.workspaceId()),
				categories.list(member));
	}

	ImportFileReader reader() {
		return new ImportFileReader(connectors.all().stream().map(c -> c.id().value()).collect(Collectors.toSet()),
				properties.maxRows());
	}

	private static String fileName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String base = name.replaceAll(".*[/\\\\]", "").strip();
		return base.length() > 255 ? base.substring(0, 255) : base;
	}
}
