package io.vitrine.categories;

import io.vitrine.categories.internal.CategoryStore;
import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.Policies;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A workspace's content categories (pillars): everyone sees them, publishers (who write posts) name, colour and
 * remove them. A post names at most one; removing a category leaves its posts without one.
 */
@Component
public class ContentCategories {

	public static final int MAX_NAME = 60;

	public static final int MAX_PER_WORKSPACE = 50;

	/** Colours offered by the page, readable as a dot on white and in a calendar event's border. */
	public static final List<String> PALETTE = List.of("#2a9d8f", "#e76f51", "#264653", "#e9c46a", "#8e44ad", "#d62828",
			"#1d70b8", "#6a994e");

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	private final CategoryStore store;

	private final Clock clock;

	ContentCategories(CategoryStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public List<ContentCategory> list(Member member) {
		Policies.require(Policies.MAY_VIEW, member, "see content categories");
		return store.list(member.workspaceId());
	}

	/** Without a permission check: for modules that have already checked who asks (a post's category). */
	public Optional<ContentCategory> find(UUID workspaceId, UUID categoryId) {
		return categoryId == null ? Optional.empty() : store.find(workspaceId, categoryId);
	}

	/** By name, case ignored (a CSV file names categories). */
	public Optional<ContentCategory> named(UUID workspaceId, String name) {
		return name == null || name.isBlank() ? Optional.empty() : store.byKey(workspaceId, key(name));
	}

	@Transactional
	public ContentCategory create(Member member, String name, String color) {
		Policies.require(Policies.MAY_SCHEDULE, member, "create content categories");
		String cleanName = checkName(name);
		int existing = store.count(member.workspaceId());
		String cleanColor = checkColor(color, existing);
		if (existing >= MAX_PER_WORKSPACE) {
			throw InvalidInput.of("name", "max-items", "a workspace has at most " + MAX_PER_WORKSPACE + " categories");
		}
		requireFreeName(member.workspaceId(), cleanName, null);
		try {
			return store.insert(member.workspaceId(), cleanName, key(cleanName), cleanColor, clock.instant());
		}
		catch (DuplicateKeyException raced) {
			throw InvalidInput.of("name", "unique", "another category is already called \"" + cleanName + "\"");
		}
	}

	@Transactional
	public ContentCategory change(Member member, UUID categoryId, String name, String color) {
		Policies.require(Policies.MAY_SCHEDULE, member, "change content categories");
		ContentCategory current = store.find(member.workspaceId(), categoryId).orElseThrow(() -> new NotFound("category " + categoryId));
		String cleanName = checkName(name);
		String cleanColor = color == null || color.isBlank() ? current.color() : checkColor(color, 0);
		requireFreeName(member.workspaceId(), cleanName, categoryId);
		try {
			store.update(member.workspaceId(), categoryId, cleanName, key(cleanName), cleanColor, clock.instant());
		}
		catch (DuplicateKeyException raced) {
			throw InvalidInput.of("name", "unique", "another category is already called \"" + cleanName + "\"");
		}
		return new ContentCategory(categoryId, cleanName, cleanColor);
	}

	@Transactional
	public void delete(Member member, UUID categoryId) {
		Policies.require(Policies.MAY_SCHEDULE, member, "remove content categories");
		if (!store.delete(member.workspaceId(), categoryId)) {
			throw new NotFound("category " + categoryId);
		}
	}

	private void requireFreeName(UUID workspaceId, String name, UUID self) {
		store.byKey(workspaceId, key(name)).filter(other -> !other.id().equals(self)).ifPresent(other -> {
			throw InvalidInput.of("name", "unique", "another category is already called \"" + other.name() + "\"");
		});
	}

	private static String checkName(String name) {
		String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (clean.isEmpty()) {
			problems.add(new InvalidInput.Problem("name", "required", "is required"));
		}
		else if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
			problems.add(new InvalidInput.Problem("name", "max-length", "at most " + MAX_NAME + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return clean;
	}

	/** An empty colour takes the palette's next one, so categories made in a row look different. */
	private static String checkColor(String color, int existing) {
		if (color == null || color.isBlank()) {
			return PALETTE.get(existing % PALETTE.size());
		}
		if (!COLOR.matcher(color.strip()).matches()) {
			throw InvalidInput.of("color", "color", "must be a colour such as #2a9d8f (# and six hexadecimal digits)");
		}
		return color.strip().toLowerCase(Locale.ROOT);
	}

	private static String key(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}
}
