package io.vitrine.networks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.networks.Capability;
import io.vitrine.networks.Connectors;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.PublishQuota;
import io.vitrine.networks.VariantField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** What each network this Vitrine speaks takes: the composer's knowledge, for API clients. */
@RestController
@RequestMapping("/api/v1/networks")
@Tag(name = "Networks", description = "The networks this Vitrine publishes to, their own fields and quotas")
class NetworksApi {

	@Schema(name = "Network")
	record Network(@Schema(example = "youtube") String id, @Schema(example = "YouTube") String name, Set<Capability> capabilities,
			@Schema(description = "fields a post's variant for this network takes beyond text, link and media, sent as "
					+ "targets[].fields.{name} when creating a post") List<Field> fields,
			@Schema(description = "documented caps on posts per window: a post that would go over waits for a free slot") List<Quota> quotas) {
	}

	@Schema(name = "NetworkField")
	record Field(@Schema(example = "title") String name, VariantField.Kind kind, boolean required,
			@Schema(description = "0 when the network sets none") int maxLength,
			@Schema(description = "the allowed values of a CHOICE, the first being the default") List<String> choices) {
	}

	@Schema(name = "NetworkQuota")
	record Quota(int max, @Schema(description = "ISO-8601 duration", example = "PT24H") Duration window, PublishQuota.Scope scope,
			String source) {
	}

	private final Connectors connectors;

	NetworksApi(Connectors connectors) {
		this.connectors = connectors;
	}

	@GetMapping
	@Operation(summary = "The networks, with the fields each takes and its quotas")
	List<Network> list(CurrentUser user) {
		return connectors.all().stream()
			.sorted(Comparator.comparing((NetworkConnector c) -> c.id().value()))
			.map(NetworksApi::network)
			.toList();
	}

	private static Network network(NetworkConnector c) {
		return new Network(c.id().value(), c.displayName(), c.capabilities(),
				c.variantFields().stream().map(f -> new Field(f.name(), f.kind(), f.required(), f.maxLength(), f.choices())).toList(),
				c.quotas().stream().map(q -> new Quota(q.max(), q.window(), q.scope(), q.source())).toList());
	}
}
