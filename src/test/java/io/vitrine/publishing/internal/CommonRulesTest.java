package io.vitrine.publishing.internal;

import io.vitrine.networks.Capability;
import io.vitrine.networks.Channel;
import io.vitrine.networks.NetworkConnector;
import io.vitrine.networks.NetworkId;
import io.vitrine.networks.NetworkLimits;
import io.vitrine.networks.PostVariant;
import io.vitrine.networks.PublishOutcome;
import io.vitrine.networks.PublishRequest;
import io.vitrine.networks.ReconcileOutcome;
import io.vitrine.networks.VariantCheck;
import io.vitrine.networks.VariantField;
import io.vitrine.networks.Violation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommonRulesTest {

	private static final PostVariant.Media VIDEO = new PostVariant.Media(UUID.randomUUID(), "video/mp4", 1_000, 1080,
			1920, 12_000L, null);

	private static final PostVariant.Media IMAGE = PostVariant.Media.image(UUID.randomUUID(), "image/jpeg", 1_000, 10,
			10, "a cat");

	@Test
	void a_video_is_refused_where_the_network_takes_none_and_named_by_its_position() {
		List<Violation> violations = CommonRules.check(connector(EnumSet.of(Capability.IMAGES), List.of()),
				new PostVariant("hi", null, List.of(IMAGE, VIDEO)));

		assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(
				org.assertj.core.groups.Tuple.tuple("media[2]", "no-video"));
	}

	@Test
	void a_video_passes_where_the_network_takes_videos() {
		assertThat(CommonRules.check(connector(EnumSet.of(Capability.VIDEO), List.of()),
				new PostVariant("hi", null, List.of(VIDEO)))).isEmpty();
	}

	@Test
	void a_required_field_left_blank_is_named() {
		VariantField title = new VariantField("title", VariantField.Kind.TEXT, true, 100, List.of(), "t");

		List<Violation> violations = CommonRules.check(connector(Set.of(), List.of(title)),
				new PostVariant("hi", null, List.of(), Map.of("title", "  ")));

		assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(
				org.assertj.core.groups.Tuple.tuple("fields.title", "required"));
	}

	@Test
	void a_field_longer_than_its_limit_counts_code_points_not_utf16_units() {
		VariantField title = new VariantField("title", VariantField.Kind.TEXT, false, 3, List.of(), "t");
		NetworkConnector connector = connector(Set.of(), List.of(title));

		assertThat(CommonRules.check(connector, new PostVariant("", null, List.of(), Map.of("title", "😀😀😀"))))
			.isEmpty();
		assertThat(CommonRules.check(connector, new PostVariant("", null, List.of(), Map.of("title", "abcd"))))
			.extracting(Violation::rule).containsExactly("max-length");
	}

	@Test
	void a_choice_outside_the_list_and_a_date_without_offset_are_refused() {
		VariantField privacy = new VariantField("privacy", VariantField.Kind.CHOICE, true, 0,
				List.of("public", "private"), "p");
		VariantField start = new VariantField("start", VariantField.Kind.DATE_TIME, false, 0, List.of(), "s");

		List<Violation> violations = CommonRules.check(connector(Set.of(), List.of(privacy, start)),
				new PostVariant("", null, List.of(), Map.of("privacy", "friends", "start", "2026-12-24T18:00")));

		assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(
				org.assertj.core.groups.Tuple.tuple("fields.privacy", "one-of"),
				org.assertj.core.groups.Tuple.tuple("fields.start", "date-time"));
	}

	private static NetworkConnector connector(Set<Capability> capabilities, List<VariantField> fields) {
		return new NetworkConnector() {
			@Override
			public NetworkId id() {
				return new NetworkId("example");
			}

			@Override
			public String displayName() {
				return "Example";
			}

			@Override
			public Set<Capability> capabilities() {
				return capabilities;
			}

			@Override
			public NetworkLimits defaultLimits() {
				return new NetworkLimits(500, 0, 23, 4, 1_000_000, 1_500);
			}

			@Override
			public VariantCheck validate(PostVariant variant, NetworkLimits limits) {
				return new VariantCheck(0, 500, List.of());
			}

			@Override
			public PublishOutcome publish(Channel channel, PublishRequest request) {
				throw new AssertionError("pure rules never publish");
			}

			@Override
			public ReconcileOutcome reconcile(Channel channel, PublishRequest request, Instant sentAt) {
				throw new AssertionError("pure rules never reconcile");
			}

			@Override
			public List<VariantField> variantFields() {
				return fields;
			}
		};
	}
}
