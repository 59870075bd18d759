package io.vitrine.workspaces.manage;

import io.vitrine.shared.InvalidInput;
import io.vitrine.shared.Zones;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A workspace needs a name (at most 200 characters) and an IANA time zone. */
public final class WorkspaceRules {

	public record Checked(String name, ZoneId zone) {
	}

	private WorkspaceRules() {
	}

	public static Checked check(String nameField, String name, String zoneField, String zone) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			problems.add(new InvalidInput.Problem(nameField, "required", "is required"));
		}
		else if (trimmed.length() > 200) {
			problems.add(new InvalidInput.Problem(nameField, "max-length", "must be at most 200 characters"));
		}
		ZoneId zoneId = null;
		try {
			zoneId = Zones.parse(zoneField, zone);
		}
		catch (InvalidInput e) {
			problems.addAll(e.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(trimmed, zoneId);
	}
}
