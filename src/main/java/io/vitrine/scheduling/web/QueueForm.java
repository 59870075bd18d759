package io.vitrine.scheduling.web;

import org.springframework.web.multipart.MultipartFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The composer's form as "Add to queue" reads it (same field names as the composer's, so the
 * composer can show it back on an error), plus the evergreen choice.
 */
public class QueueForm {

	private List<UUID> accounts = new ArrayList<>();

	private String text = "";

	private String link = "";

	private Map<String, String> overrides = new LinkedHashMap<>();

	private List<MultipartFile> images = new ArrayList<>();

	private List<String> altTexts = new ArrayList<>();

	private String publish = "queue";

	private String scheduledAt = "";

	private String timeZone = "";

	private boolean evergreen;

	/** Media chosen from the library, and network fields keyed "{accountId}.{field}", as the composer names them. */
	private List<UUID> library = new ArrayList<>();

	private Map<String, String> fields = new LinkedHashMap<>();

	public List<UUID> getLibrary() {
		return library;
	}

	public void setLibrary(List<UUID> library) {
		this.library = library == null ? new ArrayList<>() : library;
	}

	public Map<String, String> getFields() {
		return fields;
	}

	public void setFields(Map<String, String> fields) {
		this.fields = fields == null ? new LinkedHashMap<>() : fields;
	}

	public Map<String, String> fieldsFor(UUID account) {
		String prefix = account + ".";
		Map<String, String> values = new LinkedHashMap<>();
		fields.forEach((key, value) -> {
			if (key.startsWith(prefix)) {
				values.put(key.substring(prefix.length()), value);
			}
		});
		return values;
	}

	private String evergreenGapDays = "30";

	public String textFor(UUID account) {
		String override = overrides.get(account.toString());
		return override == null || override.isBlank() ? text : override;
	}

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

	public Map<String, String> getOverrides() {
		return overrides;
	}

	public void setOverrides(Map<String, String> overrides) {
		this.overrides = overrides == null ? new LinkedHashMap<>() : overrides;
	}

	public List<MultipartFile> getImages() {
		return images;
	}

	public void setImages(List<MultipartFile> images) {
		this.images = images == null ? new ArrayList<>() : images;
	}

	public List<String> getAltTexts() {
		return altTexts;
	}

	public void setAltTexts(List<String> altTexts) {
		this.altTexts = altTexts == null ? new ArrayList<>() : altTexts;
	}

	public String getPublish() {
		return publish;
	}

	public void setPublish(String publish) {
		this.publish = publish;
	}

	public String getScheduledAt() {
		return scheduledAt;
	}

	public void setScheduledAt(String scheduledAt) {
		this.scheduledAt = scheduledAt == null ? "" : scheduledAt;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone == null ? "" : timeZone;
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
