package io.vitrine.bulk.internal;

import io.vitrine.bulk.csv.ImportColumns;
import io.vitrine.bulk.csv.RowProblem;
import io.vitrine.categories.ContentCategory;
import io.vitrine.media.MediaItem;
import io.vitrine.networks.ConnectionStatus;
import io.vitrine.networks.ConnectionView;
import io.vitrine.publishing.PostBatches;
import io.vitrine.publishing.PostDraft;
import io.vitrine.publishing.PostLabels;
import io.vitrine.shared.InvalidInput;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one row into the post the composer would save, and says what is wrong with it by row, column
 * and rule: first what only a file can get wrong (an unknown handle, an image name), then every rule the
 * composer applies (account connected, link, each network's own limits through the same validation).
 */
@Component
public class RowCheck {

	private static final Pattern TARGET_FIELD = Pattern.compile("targets\\[(\\d+)]\\.(.+)");

	private final PostBatches batches;

	RowCheck(PostBatches batches) {
		this.batches = batches;
	}

	/** What a file's rows are checked against, read once per file. */
	public record Context(Member member, List<ConnectionView> accounts, List<MediaItem> media, List<ContentCategory> categories) {
	}

	/** The post a row becomes, or {@code null} when it cannot be built; and its problems (none when valid). */
	public record Checked(PostDraft draft, List<RowProblem> problems) {

		public boolean valid() {
			return problems.isEmpty();
		}
	}

	public Checked check(Context context, int row, Map<String, String> values) {
		List<RowProblem> problems = new ArrayList<>();
		List<ConnectionView> accounts = accounts(context, row, value(values, ImportColumns.ACCOUNTS), problems);
		List<PostDraft.ImageDraft> images = images(context, row, value(values, ImportColumns.MEDIA), problems);
		PostDraft.When when = when(context, row, values, problems);
		UUID category = category(context, row, value(values, ImportColumns.CATEGORY), problems);
		if (!problems.isEmpty()) {
			return new Checked(null, problems);
		}
		List<PostDraft.TargetDraft> targets = new ArrayList<>();
		List<String> textColumns = new ArrayList<>();
		String link = value(values, ImportColumns.LINK);
		for (ConnectionView account : accounts) {
			String own = ImportColumns.TEXT_PREFIX + account.network().value();
			boolean overridden = !value(values, own).isBlank();
			textColumns.add(overridden ? own : ImportColumns.TEXT);
			targets.add(new PostDraft.TargetDraft(account.id(), value(values, overridden ? own : ImportColumns.TEXT),
					link.isBlank() ? null : link.strip(), images));
		}
		PostDraft draft = new PostDraft(targets, when, new PostLabels(category, value(values, ImportColumns.CAMPAIGN)));
		for (InvalidInput.Problem p : batches.check(context.member(), draft)) {
			problems.add(new RowProblem(row, column(p.field(), textColumns), p.rule(),
					"future".equals(p.rule()) ? "must be in the future" : p.message()));
		}
		return new Checked(draft, problems);
	}

	private static List<ConnectionView> accounts(Context context, int row, String cell, List<RowProblem> problems) {
		List<ConnectionView> found = new ArrayList<>();
		if (cell.isBlank()) {
			problems.add(new RowProblem(row, ImportColumns.ACCOUNTS, "required",
					"name at least one account by its handle (or network:handle)"));
			return found;
		}
		for (String wanted : cell.strip().split("[\\s,]+")) {
			List<ConnectionView> matches = context.accounts().stream().filter(a -> matches(a, wanted)).toList();
			if (matches.isEmpty()) {
				problems.add(new RowProblem(row, ImportColumns.ACCOUNTS, "exists",
						"no connected account " + wanted + " in this workspace"));
			}
			else if (matches.size() > 1) {
				problems.add(new RowProblem(row, ImportColumns.ACCOUNTS, "ambiguous", wanted + " is connected on "
						+ String.join(" and ", matches.stream().map(a -> a.network().value()).toList())
						+ "; write network:handle, e.g. " + matches.getFirst().network().value() + ":" + wanted));
			}
			else if (found.contains(matches.getFirst())) {
				problems.add(new RowProblem(row, ImportColumns.ACCOUNTS, "unique", wanted + " is named twice"));
			}
			else {
				found.add(matches.getFirst());
			}
		}
		return found;
	}

	/** "@olga@bakery.example", "olga@bakery.example", "mastodon:@olga@bakery.example" or the account's id. */
	static boolean matches(ConnectionView account, String wanted) {
		if (account.status() == ConnectionStatus.DISCONNECTED) {
			return false;
		}
		String handle = wanted;
		String prefix = account.network().value() + ":";
		if (wanted.toLowerCase(Locale.ROOT).startsWith(prefix)) {
			handle = wanted.substring(prefix.length());
		}
		else if (wanted.indexOf(':') > 0 && !wanted.startsWith("did:") && !wanted.contains("@")) {
			return false; // another network's prefix
		}
		return bare(handle).equals(bare(account.handle())) || handle.equalsIgnoreCase(account.id().toString());
	}

	private static String bare(String handle) {
		String h = handle.strip().toLowerCase(Locale.ROOT);
		return h.startsWith("@") ? h.substring(1) : h;
	}

	private static List<PostDraft.ImageDraft> images(Context context, int row, String cell, List<RowProblem> problems) {
		List<PostDraft.ImageDraft> images = new ArrayList<>();
		if (cell.isBlank()) {
			return images;
		}
		for (String wanted : cell.split("[|\\n]")) {
			String name = wanted.strip();
			if (name.isEmpty()) {
				continue;
			}
			List<MediaItem> matches = context.media().stream()
				.filter(m -> m.id().toString().equalsIgnoreCase(name) || name.equals(m.fileName()))
				.toList();
			if (matches.isEmpty()) {
				problems.add(new RowProblem(row, ImportColumns.MEDIA, "exists",
						"no image " + name + " in this workspace's library (give its file name or id; separate several with |)"));
			}
			else if (matches.size() > 1) {
				problems.add(new RowProblem(row, ImportColumns.MEDIA, "ambiguous",
						"several images are named " + name + "; give the id of the one you mean"));
			}
			else {
				images.add(new PostDraft.ImageDraft(matches.getFirst().id(), null));
			}
		}
		return images;
	}

	private PostDraft.When when(Context context, int row, Map<String, String> values, List<RowProblem> problems) {
		String at = spreadsheetToIso(value(values, ImportColumns.SCHEDULED_AT));
		try {
			PostDraft.When when = batches.when(at, value(values, ImportColumns.TIME_ZONE), context.member().workspaceZone());
			if (!(when instanceof PostDraft.AsDraft) && !Policies.MAY_SCHEDULE.test(context.member())) {
				// Approvals will let such a row go to review instead; until then it can only be a draft.
				problems.add(new RowProblem(row, ImportColumns.SCHEDULED_AT, "permission",
						"your role cannot schedule posts; leave scheduled_at empty to import drafts"));
			}
			return when;
		}
		catch (InvalidInput e) {
			for (InvalidInput.Problem p : e.problems()) {
				problems.add(new RowProblem(row, column(p.field(), List.of()), p.rule(),
						"datetime".equals(p.rule()) ? "must be a date and time such as 2026-03-29 09:00 (in time_zone) or "
								+ "2026-03-29T09:00+02:00" : p.message()));
			}
			return null;
		}
	}

	/** Spreadsheets write "2026-03-29 09:00"; ISO-8601 wants a T. */
	static String spreadsheetToIso(String value) {
		return value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)", "$1T$2");
	}

	/** The composer names fields of its JSON body; a file has columns. */
	static String column(String field, List<String> textColumns) {
		Matcher target = TARGET_FIELD.matcher(field);
		if (target.matches()) {
			int i = Integer.parseInt(target.group(1));
			String rest = target.group(2);
			if (rest.startsWith("connectionId")) {
				return ImportColumns.ACCOUNTS;
			}
			if (rest.startsWith("text")) {
				return i < textColumns.size() ? textColumns.get(i) : ImportColumns.TEXT;
			}
			if (rest.startsWith("link")) {
				return ImportColumns.LINK;
			}
			if (rest.startsWith("images") || rest.startsWith("media")) {
				return ImportColumns.MEDIA;
			}
			return rest;
		}
		return switch (field) {
			case "scheduledAt", "publish" -> ImportColumns.SCHEDULED_AT;
			case "timeZone" -> ImportColumns.TIME_ZONE;
			case "targets" -> ImportColumns.ACCOUNTS;
			case "categoryId" -> ImportColumns.CATEGORY;
			default -> field;
		};
	}

	private static UUID category(Context context, int row, String name, List<RowProblem> problems) {
		if (name.isBlank()) {
			return null;
		}
		String wanted = name.strip().replaceAll("\\s+", " ");
		return context.categories().stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst().map(ContentCategory::id)
			.orElseGet(() -> {
				problems.add(new RowProblem(row, ImportColumns.CATEGORY, "exists",
						"no content category called \"" + wanted + "\" in this workspace (Settings, Content categories)"));
				return null;
			});
	}

	private static String value(Map<String, String> values, String column) {
		String value = values.get(column);
		return value == null ? "" : value;
	}
}
