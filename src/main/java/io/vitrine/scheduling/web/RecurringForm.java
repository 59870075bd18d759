package io.vitrine.scheduling.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The recurring post form: accounts, text, first time and zone, rhythm, and how it ends. */
public class RecurringForm {

	private List<UUID> accounts = new ArrayList<>();

	private String text = "";

	private String link = "";

	private String start = "";

	private String timeZone = "";

	private String every = "1";

	private String unit = "weeks";

	private List<String> weekdays = new ArrayList<>();

	private String ends = "until";

	private String until = "";

	private String count = "";

	public List<UUID> getAccounts() {
		return accounts;
	}

	public void setAccounts(List<UUID> accounts) {
		this.accounts = accounts == null ? new ArrayList<>() : accounts;
	}

	public String getText() {
		return text;
	}

	public void setText(String text) {
		this.text = text == null ? "" : text;
	}

	public String getLink() {
		return link;
	}

	public void setLink(String link) {
		this.link = link == null ? "" : link;
	}

	public String getStart() {
		return start;
	}

	public void setStart(String start) {
		this.start = start == null ? "" : start;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone == null ? "" : timeZone;
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
