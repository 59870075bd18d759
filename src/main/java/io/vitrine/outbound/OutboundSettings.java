package io.vitrine.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The guard's settings (vitrine.outbound.*).
 *
 * @param allowPrivateAddresses lets calls reach loopback and private networks (tests, or an instance on the LAN)
 * @param connectTimeout how long to wait for a connection (and TLS handshake)
 * @param responseTimeout how long to wait for the next bytes of an answer once the request is sent
 * @param maxResponseBytes answers larger than this are not read
 */
@ConfigurationProperties("vitrine.outbound")
public record OutboundSettings(boolean allowPrivateAddresses, Duration connectTimeout, Duration responseTimeout,
		DataSize maxResponseBytes) {

	public OutboundSettings {
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		responseTimeout = responseTimeout == null ? Duration.ofSeconds(20) : responseTimeout;
		maxResponseBytes = maxResponseBytes == null ? DataSize.ofMegabytes(10) : maxResponseBytes;
	}
}
