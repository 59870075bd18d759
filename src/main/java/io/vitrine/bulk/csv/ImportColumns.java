package io.vitrine.bulk.csv;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The columns of an import file, as the README documents them; the export writes the same ones. */
public final class ImportColumns {

	public static final String TEXT = "text";

	public static final String LINK = "link";

	public static final String ACCOUNTS = "accounts";

	public static final String SCHEDULED_AT = "scheduled_at";

	public static final String TIME_ZONE = "time_zone";

	public static final String MEDIA = "media";

	/** A content category of the workspace, by name (case ignored). */
	public static final String CATEGORY = "category";

	public static final String CAMPAIGN = "campaign";

	/** {@code text_mastodon}, {@code text_x}...: that network's own text, instead of {@link #TEXT}. */
	public static final String TEXT_PREFIX = "text_";

	public static final List<String> REQUIRED = List.of(TEXT, ACCOUNTS);

	public static final List<String> OPTIONAL = List.of(LINK, SCHEDULED_AT, TIME_ZONE, MEDIA, CATEGORY, CAMPAIGN);

	/** Written by the export so that a person can read it; the importer reads past them. */
	public static final List<String> INFORMATIONAL = List.of("state", "network", "post_id", "target_id", "published_url");

	private ImportColumns() {
	}

	/** "Scheduled At", " scheduled_at " and "SCHEDULED-AT" are one column. */
	public static String normalize(String header) {
		return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
	}

	public static boolean known(String column, Set<String> networks) {
		if (REQUIRED.contains(column) || OPTIONAL.contains(column) || INFORMATIONAL.contains(column)) {
			return true;
		}
		return column.startsWith(TEXT_PREFIX) && networks.contains(column.substring(TEXT_PREFIX.length()));
	}
}
