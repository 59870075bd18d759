package io.vitrine.snippets;

import com.twitter.twittertext.Extractor;
import io.vitrine.shared.Ids;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace's hashtag groups and caption templates. Everyone who writes posts may use them; publishers (owners,
 * admins, editors) name, change and remove them. Hashtags are read with twitter-text's extractor, as X reads them.
 */
@Component
public class Snippets {

	public static final int MAX_NAME = 60;

	public static final int MAX_BODY = 5000;

	public static final int MAX_PER_KIND = 200;

	/** {{name}}: a letter, then letters, digits, _ or -. */
	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([\\p{L}][\\p{L}\\p{N}_-]*)\\s*}}");

	private static final Extractor HASHTAGS = new Extractor();

	private final JdbcClient jdbc;

	private final Clock clock;

	Snippets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Snippet> list(Member member, SnippetKind kind) {
		Policies.require(Policies.MAY_COMPOSE, member, "use hashtag groups and templates");
		return jdbc.sql("select id, kind, name, body from snippet where workspace_id = ? and kind = ? order by name_key")
			.params(member.workspaceId(), kind.value())
			.query(Snippets::row)
			.list();
	}

	/** @throws NotFound when absent, of another kind or of another workspace */
	public Snippet get(Member member, SnippetKind kind, UUID id) {
		Policies.require(Policies.MAY_COMPOSE, member, "use hashtag groups and templates");
		return find(member.workspaceId(), kind, id).orElseThrow(() -> new NotFound(kind.value() + " " + id));
	}

	public Snippet create(Member member, SnippetKind kind, String name, String body) {
		Policies.require(Policies.MAY_SCHEDULE, member, "manage hashtag groups and templates");
		String cleanName = checkName(name);
		String cleanBody = checkBody(kind, body);
		int count = jdbc.sql("select count(*) from snippet where workspace_id = ? and kind = ?")
			.params(member.workspaceId(), kind.value()).query(Integer.class).single();
		if (count >= MAX_PER_KIND) {
			throw InvalidInput.of("name", "max-items", "a workspace keeps at most " + MAX_PER_KIND + " of each");
		}
		UUID id = Ids.next();
		Instant now = clock.instant();
		try {
			jdbc.sql("insert into snippet (id, workspace_id, kind, name, name_key, body, created_at, updated_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id, member.workspaceId(), kind.value(), cleanName, key(cleanName), cleanBody, now.atOffset(ZoneOffset.UTC),
						now.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException taken) {
			throw InvalidInput.of("name", "unique", "another one is already called \"" + cleanName + "\"");
		}
		return new Snippet(id, kind, cleanName, cleanBody, variables(kind, cleanBody));
	}

	public Snippet change(Member member, SnippetKind kind, UUID id, String name, String body) {
		Policies.require(Policies.MAY_SCHEDULE, member, "manage hashtag groups and templates");
		find(member.workspaceId(), kind, id).orElseThrow(() -> new NotFound(kind.value() + " " + id));
		String cleanName = checkName(name);
		String cleanBody = checkBody(kind, body);
		try {
			jdbc.sql("update snippet set name = ?, name_key = ?, body = ?, updated_at = ? where id = ? and workspace_id = ?")
				.params(cleanName, key(cleanName), cleanBody, clock.instant().atOffset(ZoneOffset.UTC), id, member.workspaceId())
				.update();
		}
		catch (DuplicateKeyException taken) {
			throw InvalidInput.of("name", "unique", "another one is already called \"" + cleanName + "\"");
		}
		return new Snippet(id, kind, cleanName, cleanBody, variables(kind, cleanBody));
	}

	public void delete(Member member, SnippetKind kind, UUID id) {
		Policies.require(Policies.MAY_SCHEDULE, member, "manage hashtag groups and templates");
		int deleted = jdbc.sql("delete from snippet where id = ? and workspace_id = ? and kind = ?")
			.params(id, member.workspaceId(), kind.value()).update();
		if (deleted == 0) {
			throw new NotFound(kind.value() + " " + id);
		}
	}

	/**
	 * The template with its variables replaced by {@code values}.
	 *
	 * @throws InvalidInput naming each missing value ("values.product", rule required) and each value the template
	 *         does not use (rule unknown)
	 */
	public String fill(Snippet template, Map<String, String> values) {
		Map<String, String> given = values == null ? Map.of() : values;
		List<InvalidInput.Problem> problems = new ArrayList<>();
		for (String variable : template.variables()) {
			String value = given.get(variable);
			if (value == null || value.isBlank()) {
				problems.add(new InvalidInput.Problem("values." + variable, "required", "the template needs a value for " + variable));
			}
		}
		for (String name : given.keySet()) {
			if (!template.variables().contains(name)) {
				problems.add(new InvalidInput.Problem("values." + name, "unknown", "the template has no variable " + name));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Matcher m = VARIABLE.matcher(template.body());
		StringBuilder filled = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(filled, Matcher.quoteReplacement(given.get(m.group(1)).strip()));
		}
		m.appendTail(filled);
		return filled.toString();
	}

	/** {@code text} with the group's hashtags after it, on a line of their own; those already in the text are not repeated. */
	public static String withHashtags(String text, Snippet group) {
		String current = text == null ? "" : text.stripTrailing();
		LinkedHashSet<String> present = new LinkedHashSet<>();
		HASHTAGS.extractHashtags(current).forEach(tag -> present.add(tag.toLowerCase(Locale.ROOT)));
		List<String> added = HASHTAGS.extractHashtags(group.body()).stream()
			.filter(tag -> present.add(tag.toLowerCase(Locale.ROOT))).map(tag -> "#" + tag).toList();
		if (added.isEmpty()) {
			return current;
		}
		return (current.isEmpty() ? "" : current + "\n\n") + String.join(" ", added);
	}

	private Optional<Snippet> find(UUID workspaceId, SnippetKind kind, UUID id) {
		return jdbc.sql("select id, kind, name, body from snippet where id = ? and workspace_id = ? and kind = ?")
			.params(id, workspaceId, kind.value())
			.query(Snippets::row)
			.optional();
	}

	private static String checkName(String name) {
		String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty()) {
			throw InvalidInput.of("name", "required", "is required");
		}
		if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
			throw InvalidInput.of("name", "max-length", "at most " + MAX_NAME + " characters");
		}
		return clean;
	}

	private static String checkBody(SnippetKind kind, String body) {
		String clean = body == null ? "" : body.strip();
		if (clean.isEmpty()) {
			throw InvalidInput.of("body", "required", kind == SnippetKind.HASHTAGS ? "write the group's hashtags" : "write the template");
		}
		if (clean.length() > MAX_BODY) {
			throw InvalidInput.of("body", "max-length", "at most " + MAX_BODY + " characters");
		}
		if (kind == SnippetKind.HASHTAGS) {
			List<String> tags = HASHTAGS.extractHashtags(clean);
			String rest = clean;
			for (String tag : tags) {
				rest = rest.replaceFirst("[#＃]" + Pattern.quote(tag), " ");
			}
			if (tags.isEmpty() || !rest.isBlank()) {
				throw InvalidInput.of("body", "hashtags", "only hashtags, separated by spaces, such as #bread #sourdough");
			}
			return String.join(" ", tags.stream().map(tag -> "#" + tag).toList());
		}
		String withoutVariables = VARIABLE.matcher(clean).replaceAll("");
		if (withoutVariables.contains("{{") || withoutVariables.contains("}}")) {
			throw InvalidInput.of("body", "variables", "write each variable as {{name}}: a letter, then letters, digits, _ or -");
		}
		return clean;
	}

	static List<String> variables(SnippetKind kind, String body) {
		if (kind != SnippetKind.TEMPLATE) {
			return List.of();
		}
		LinkedHashSet<String> names = new LinkedHashSet<>();
		Matcher m = VARIABLE.matcher(body);
		while (m.find()) {
			names.add(m.group(1));
		}
		return List.copyOf(names);
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static Snippet row(ResultSet rs, int n) throws SQLException {
		SnippetKind kind = SnippetKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
		String body = rs.getString("body");
		return new Snippet(rs.getObject("id", UUID.class), kind, rs.getString("name"), body, variables(kind, body));
	}
}
