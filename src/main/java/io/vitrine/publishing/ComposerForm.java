package io.vitrine.publishing;

import org.springframework.web.multipart.MultipartFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The composer form: one shared text, an optional text per account, up to four images, the networks' own fields,
 * when, and the post's category and campaign. "Publish" and "Add to queue" post the same form.
 */
public class ComposerForm {

	private List<UUID> accounts = new ArrayList<>();

	private String text = "";

	private String link = "";

	private Map<String, String> overrides = new LinkedHashMap<>();

	/** The networks' own fields, named "{accountId}.{field}" (form names fields[{accountId}.{field}]). */
	private Map<String, String> fields = new LinkedHashMap<>();

	private List<MultipartFile> images = new ArrayList<>();

	private List<String> altTexts = new ArrayList<>();

	/** Files chosen from the media library, attached before any uploaded here. */
	private List<UUID> library = new ArrayList<>();

	private String publish = "schedule";

	private String scheduledAt = "";

	private String timeZone = "";

	private UUID categoryId;

	/** A caption template being used, and the values of its variables. */
	private UUID templateId;

	private Map<String, String> templateValues = new LinkedHashMap<>();

	/** Made when the composer opens and sent back with the form: the same form sent twice makes one post. */
	private String submissionKey = UUID.randomUUID().toString();

	private String campaign = "";

	public String textFor(UUID account) {
		String override = overrides.get(account.toString());
		return override == null || override.isBlank() ? text : override;
	}

	/** One account's fields, by field name. */
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

	public Map<String, String> getFields() {
		return fields;
	}

	public void setFields(Map<String, String> fields) {
		this.fields = fields == null ? new LinkedHashMap<>() : fields;
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

	public List<UUID> getLibrary() {
		return library;
	}

	public void setLibrary(List<UUID> library) {
		this.library = library == null ? new ArrayList<>() : library;
	}

	public UUID getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(UUID categoryId) {
		this.categoryId = categoryId;
	}

	public String getCampaign() {
		return campaign;
	}

	public void setCampaign(String campaign) {
		this.campaign = campaign == null ? "" : campaign;
	}

	public PostLabels labels() {
		return new PostLabels(categoryId, campaign);
	}

	public String getSubmissionKey() {
		return submissionKey;
	}

	public void setSubmissionKey(String submissionKey) {
		this.submissionKey = submissionKey;
	}

	public UUID getTemplateId() {
		return templateId;
	}

	public void setTemplateId(UUID templateId) {
		this.templateId = templateId;
	}

	public Map<String, String> getTemplateValues() {
		return templateValues;
	}

	public void setTemplateValues(Map<String, String> templateValues) {
		this.templateValues = templateValues == null ? new LinkedHashMap<>() : templateValues;
	}
}
