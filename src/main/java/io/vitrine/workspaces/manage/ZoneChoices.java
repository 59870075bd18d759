package io.vitrine.workspaces.manage;

import java.time.ZoneId;
import java.util.List;

/** The time zones offered in forms: IANA region zones (Europe/Paris), not legacy aliases (CET, SystemV/...). */
public final class ZoneChoices {

	public static final String FALLBACK = "Europe/Paris";

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(z -> z.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/+-]+")
				|| z.equals("UTC"))
		.sorted()
		.toList();

	private ZoneChoices() {
	}

	public static List<String> all() {
		return ZONES;
	}
}
