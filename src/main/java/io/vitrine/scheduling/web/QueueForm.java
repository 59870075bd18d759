package io.vitrine.scheduling.web;

import io.vitrine.publishing.ComposerForm;

/**
 * The composer's form as "Add to queue" reads it (the composer's own, so the composer can show it back on an error),
 * plus the evergreen choice.
 */
public class QueueForm extends ComposerForm {

	private boolean evergreen;

	private String evergreenGapDays = "30";

	public QueueForm() {
		setPublish("queue");
	}

	public boolean isEvergreen() {
		return evergreen;
	}

	public void setEvergreen(boolean evergreen) {
		this.evergreen = evergreen;
	}

	public String getEvergreenGapDays() {
		return evergreenGapDays;
	}

	public void setEvergreenGapDays(String evergreenGapDays) {
		this.evergreenGapDays = evergreenGapDays;
	}
}
