package io.vitrine.publishing.web;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Composer tests only: a network that asks for its own fields (a title, a privacy choice) and caps posts per hour,
 * as YouTube or TikTok will. Its labels borrow existing message keys, so that the test sees them translated.
 */
class FieldedConnector implements NetworkConnector {

	static final NetworkId ID = new NetworkId("fielded");

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		FieldedConnector fieldedConnector() {
			return new FieldedConnector();
		}
	}

	@Override
	public NetworkId id() {
		return ID;
	}

	@Override
	public String displayName() {
		return "Fielded";
	}

	@Override
	public Set<Capability> capabilities() {
		return Set.of(Capability.PUBLISH);
	}

	@Override
	public NetworkLimits defaultLimits() {
		return new NetworkLimits(500, 0, 0, 0, 0, 0);
	}

	@Override
	public List<VariantField> variantFields() {
		return List.of(new VariantField("title", VariantField.Kind.TEXT, true, 20, List.of(), "compose.link"),
				new VariantField("privacy", VariantField.Kind.CHOICE, false, 0, List.of("PUBLIC", "PRIVATE"), "compose.zone"));
	}

	@Override
	public List<PublishQuota> quotas() {
		return List.of(new PublishQuota(2, Duration.ofHours(1), PublishQuota.Scope.ACCOUNT, "https://fielded.test/limits"));
	}

	@Override
	public VariantCheck validate(PostVariant variant, NetworkLimits limits) {
		return new VariantCheck(variant.fullText().length(), limits.maxCharacters(), List.of());
	}

	@Override
	public PublishOutcome publish(Channel channel, PublishRequest request) {
		throw new UnsupportedOperationException("the composer tests run with the engine off");
	}

	@Override
	public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
		throw new UnsupportedOperationException("the composer tests run with the engine off");
	}
}
