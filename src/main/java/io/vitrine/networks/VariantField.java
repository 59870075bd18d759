package io.vitrine.networks;

import java.util.List;

/**
 * A field a network needs beyond text, link and media (a YouTube title, a TikTok privacy level, a Google Business
 * Profile offer's coupon), declared by its connector so the composer and the API show it without knowing the
 * network. Values travel in {@link PostVariant#fields()}; the connector's {@code validate} checks them like the text.
 *
 * @param name stable key, e.g. "title"; also the JSON name in the API
 * @param kind how the composer asks for it
 * @param required whether a post cannot go without it
 * @param maxLength 0 when the network sets none
 * @param choices the allowed values for {@link Kind#CHOICE}, first is the default
 * @param messageKey i18n key of the label; "network.field.{network}.{name}" by convention
 */
public record VariantField(String name, Kind kind, boolean required, int maxLength, List<String> choices,
		String messageKey) {

	public VariantField {
		choices = choices == null ? List.of() : List.copyOf(choices);
	}

	public enum Kind {
		TEXT, LONG_TEXT, CHOICE,
		/** An instant with offset (ISO-8601), e.g. an event's start. */
		DATE_TIME,
		/** Comma-separated words, e.g. YouTube tags. */
		TAGS
	}
}
