package io.vitrine.networks.bluesky;

import io.vitrine.networks.PublishQuota;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The posting quotas Vitrine declares for Bluesky, checked against the limits the real PDS enforces: the
 * write budgets in the installed @atproto/pds's rate-limits.js and what createRecord charges for a record.
 */
class BlueskyQuotasTest {

	private static Path pds;

	@BeforeAll
	static void findInstalledPds() throws IOException, InterruptedException {
		Process path = new ProcessBuilder("bash", "scripts/pds.sh", "path").redirectErrorStream(true).start();
		String out = new String(path.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		boolean installed = path.waitFor() == 0;
		assumeTrue(installed, "the test PDS is not installed (scripts/pds.sh install): " + out);
		pds = Path.of(out.lines().reduce((a, b) -> b).orElseThrow(), "node_modules/@atproto/pds/dist");
	}

	@Test
	void an_account_may_post_as_many_records_an_hour_and_a_day_as_the_pds_write_budget_allows() throws IOException {
		String limits = Files.readString(pds.resolve("rate-limits.js"));
		int perCreate = Integer.parseInt(first(Pattern.compile("calcPoints: \\(\\) => (\\d+)"),
				Files.readString(pds.resolve("api/com/atproto/repo/createRecord.js"))));
		int hourBudget = budget(limits, "repo-write-hour");
		int dayBudget = budget(limits, "repo-write-day");

		assertThat(BlueskyConnector.RECORD_WRITES).containsExactly(
				new PublishQuota(hourBudget / perCreate, Duration.ofHours(1), PublishQuota.Scope.ACCOUNT, BlueskyConnector.RATE_LIMITS),
				new PublishQuota(dayBudget / perCreate, Duration.ofHours(24), PublishQuota.Scope.ACCOUNT, BlueskyConnector.RATE_LIMITS));
	}

	private static int budget(String limits, String name) {
		return Integer.parseInt(first(Pattern.compile("name: '" + name + "',\\s*durationMs: \\w+,\\s*points: (\\d+)"), limits));
	}

	private static String first(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		assertThat(m.find()).as("%s in the PDS's code", pattern).isTrue();
		return m.group(1);
	}
}
