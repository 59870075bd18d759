package io.vitrine.bulk.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxRows   the most data rows one file may hold
 * @param batchSize rows imported per transaction (and between two progress updates)
 */
@ConfigurationProperties("vitrine.import")
public record ImportProperties(Integer maxRows, Integer batchSize) {

	public ImportProperties {
		maxRows = maxRows == null ? 20_000 : maxRows;
		batchSize = batchSize == null ? 100 : batchSize;
	}
}
