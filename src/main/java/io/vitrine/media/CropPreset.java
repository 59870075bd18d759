package io.vitrine.media;

import io.vitrine.shared.InvalidInput;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The aspect ratios networks ask for: square feeds, Instagram portrait, link cards, stories and reels. */
public enum CropPreset {

	SQUARE("1:1", 1, 1),
	PORTRAIT("4:5", 4, 5),
	LANDSCAPE("1.91:1", 191, 100),
	VERTICAL("9:16", 9, 16);

	private final String ratio;

	private final int width;

	private final int height;

	CropPreset(String ratio, int width, int height) {
		this.ratio = ratio;
		this.width = width;
		this.height = height;
	}

	public String ratio() {
		return ratio;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** @throws InvalidInput naming the field and the ratios offered */
	public static CropPreset of(String field, String ratio) {
		return Arrays.stream(values())
			.filter(p -> p.ratio.equals(ratio == null ? null : ratio.strip()))
			.findFirst()
			.orElseThrow(() -> InvalidInput.of(field, "choice", "must be one of "
					+ Arrays.stream(values()).map(CropPreset::ratio).collect(Collectors.joining(", "))));
	}
}
