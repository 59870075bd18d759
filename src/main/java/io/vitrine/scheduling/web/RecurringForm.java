package io.vitrine.scheduling.web;

import io.vitrine.publishing.ComposerForm;

import java.util.ArrayList;
import java.util.List;

/** The recurring post form: the composer's accounts, text, link and zone, then the first time, rhythm and how it ends. */
public class RecurringForm extends ComposerForm {

	private String start = "";

	private String every = "1";

	private String unit = "weeks";

	private List<String> weekdays = new ArrayList<>();

	private String ends = "until";

	private String until = "";

	private String count = "";

	public String getStart() {
		return start;
	}

	public void setStart(String start) {
		this.start = start == null ? "" : start;
	}

	public String getEvery() {
		return every;
	}

	public void setEvery(String every) {
		this.every = every;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public List<String> getWeekdays() {
		return weekdays;
	}

	public void setWeekdays(List<String> weekdays) {
		this.weekdays = weekdays == null ? new ArrayList<>() : weekdays;
	}

	public String getEnds() {
		return ends;
	}

	public void setEnds(String ends) {
		this.ends = ends;
	}

	public String getUntil() {
		return "count".equals(ends) ? "" : until;
	}

	public void setUntil(String until) {
		this.until = until == null ? "" : until;
	}

	public String getCount() {
		return count;
	}

	public void setCount(String count) {
		this.count = count == null ? "" : count;
	}
}
