package io.vitrine.networks.x;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X's counting agrees with twitter-text's own conformance cases (../shared/contracts/twitter-text/
 * validate.yml), loaded as they are: every weighted-length and validity case of every section.
 * Each section was written for one version of X's rules; the current one (v3) is the one Vitrine
 * uses, the older ones are twitter-text's config/v1.json and v2.json.
 */
class XTextLengthConformanceTest {

	/** twitter-text config/v2.json: v3 without emoji weighting. */
	private static final TwitterTextConfiguration V2 = new TwitterTextConfiguration.Builder()
		.setVersion(2)
		.setMaxWeightedTweetLength(280)
		.setScale(XTextLength.CURRENT.getScale())
		.setDefaultWeight(XTextLength.CURRENT.getDefaultWeight())
		.setTransformedURLLength(23)
		.setRanges(XTextLength.CURRENT.getRanges())
		.setEmojiParsingEnabled(false)
		.build();

	/** twitter-text config/v1.json: the 140-character era, every code point counting 1. */
	private static final TwitterTextConfiguration V1 = new TwitterTextConfiguration.Builder()
		.setVersion(1)
		.setMaxWeightedTweetLength(140)
		.setScale(1)
		.setDefaultWeight(1)
		.setTransformedURLLength(23)
		.setRanges(List.of())
		.setEmojiParsingEnabled(false)
		.build();

	private static final Map<String, TwitterTextConfiguration> SECTIONS = Map.of(
			"tweets", V1,
			"WeightedTweetsCounterTest", V2,
			"WeightedTweetsWithDiscountedEmojiCounterTest", XTextLength.CURRENT,
			"UnicodeDirectionalMarkerCounterTest", XTextLength.CURRENT);

	@TestFactory
	@SuppressWarnings("unchecked")
	List<DynamicTest> counts_every_case_as_twitter_text_does() throws IOException {
		Path file = XSpec.shared().resolve("contracts/twitter-text/validate.yml");
		Assumptions.assumeTrue(Files.isRegularFile(file),
				"skipped: twitter-text's conformance file " + file + " is absent (the shared folder is not beside the project)");
		Map<String, Object> tests;
		try (InputStream in = Files.newInputStream(file)) {
			tests = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("tests");
		}
		assertThat(tests.keySet()).as("every counting section of the file is covered").containsAll(SECTIONS.keySet());
		List<DynamicTest> cases = new ArrayList<>();
		SECTIONS.forEach((section, configuration) -> {
			List<Map<String, Object>> entries = (List<Map<String, Object>>) tests.get(section);
			assertThat(entries).as(section).isNotEmpty();
			for (Map<String, Object> entry : entries) {
				String text = (String) entry.get("text");
				Object expected = entry.get("expected");
				cases.add(DynamicTest.dynamicTest(section + ": " + entry.get("description"), () -> {
					TwitterTextParseResults parsed = XTextLength.parse(text, configuration);
					if (expected instanceof Boolean valid) {
						assertThat(parsed.isValid).isEqualTo(valid);
					}
					else {
						Map<String, Object> values = (Map<String, Object>) expected;
						assertThat(parsed.weightedLength).isEqualTo(values.get("weightedLength"));
						assertThat(parsed.isValid).isEqualTo(values.get("valid"));
						assertThat(parsed.permillage).isEqualTo(values.get("permillage"));
					}
				}));
			}
		});
		// The current rules are the ones the composer and the connector apply.
		for (Map<String, Object> entry : (List<Map<String, Object>>) tests.get("WeightedTweetsWithDiscountedEmojiCounterTest")) {
			String text = (String) entry.get("text");
			Map<String, Object> values = (Map<String, Object>) entry.get("expected");
			cases.add(DynamicTest.dynamicTest("composer: " + entry.get("description"), () -> {
				var check = XRules.check(new io.vitrine.networks.PostVariant(text, null, List.of()));
				assertThat(check.length()).isEqualTo(values.get("weightedLength"));
				assertThat(check.valid()).isEqualTo(values.get("valid"));
				assertThat(check.maxLength()).isEqualTo(280);
			}));
		}
		return cases;
	}
}
