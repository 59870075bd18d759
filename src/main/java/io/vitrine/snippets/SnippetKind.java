package io.vitrine.snippets;

import java.util.Locale;

public enum SnippetKind {
	/** Hashtags used together ("#bread #sourdough #paris"), added to a post in one click. */
	HASHTAGS,
	/** A caption with {{variables}} filled in when used ("New {{product}} at {{price}}!"). */
	TEMPLATE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}
}
