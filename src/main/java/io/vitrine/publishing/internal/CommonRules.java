package io.vitrine.publishing.internal;

import io.vitrine.networks.Capability;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules every network shares, read from what its connector declares (capabilities, fields), so a connector only
 * writes its own: a video where the network takes none, a required field left blank, a value too long or not
 * among the choices. Pure, like the connectors' own rules.
 */
final class CommonRules {

	private CommonRules() {
	}

	static List<Violation> check(NetworkConnector connector, PostVariant variant) {
		List<Violation> violations = new ArrayList<>();
		String network = connector.displayName();
		if (!connector.capabilities().contains(Capability.VIDEO)) {
			for (int i = 0; i < variant.media().size(); i++) {
				if (variant.media().get(i).isVideo()) {
					violations.add(new Violation(network, "media[" + (i + 1) + "]", "no-video",
							"Vitrine cannot post videos to " + network + " yet; remove video " + (i + 1) + "."));
				}
			}
		}
		for (VariantField field : connector.variantFields()) {
			checkField(network, field, variant.field(field.name()), violations);
		}
		return violations;
	}

	private static void checkField(String network, VariantField field, String value, List<Violation> violations) {
		String name = "fields." + field.name();
		if (value == null) {
			if (field.required()) {
				violations.add(new Violation(network, name, "required", network + " needs a " + field.name() + "."));
			}
			return;
		}
		if (field.maxLength() > 0 && value.codePointCount(0, value.length()) > field.maxLength()) {
			violations.add(new Violation(network, name, "max-length", "The %s is %d characters; %s accepts up to %d."
				.formatted(field.name(), value.codePointCount(0, value.length()), network, field.maxLength())));
		}
		if (field.kind() == VariantField.Kind.CHOICE && !field.choices().contains(value)) {
			violations.add(new Violation(network, name, "one-of", "The %s must be one of %s."
				.formatted(field.name(), String.join(", ", field.choices()))));
		}
		if (field.kind() == VariantField.Kind.DATE_TIME) {
			try {
				OffsetDateTime.parse(value);
			}
			catch (DateTimeParseException e) {
				violations.add(new Violation(network, name, "date-time",
						"The %s must be a date and time with its offset, like 2026-12-24T18:00:00+01:00."
							.formatted(field.name())));
			}
		}
	}
}
