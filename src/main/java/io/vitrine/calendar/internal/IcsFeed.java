package io.vitrine.calendar.internal;

import io.vitrine.networks.ConnectionView;
import io.vitrine.publishing.TargetState;
import io.vitrine.publishing.TargetView;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a workspace's targets as an iCalendar (RFC 5545) feed with ical4j, which folds long lines and
 * escapes text as the RFC asks: one VEVENT per (post, account) target, its UID stable from the target id (a
 * moved post moves in the subscriber's calendar instead of appearing twice), DTSTART in UTC.
 */
public final class IcsFeed {

	static final int SUMMARY_TEXT = 60;

	private IcsFeed() {
	}

	/** What one event needs besides its target. */
	public record Context(UUID workspaceId, String calendarName, String baseUrl, Map<UUID, ConnectionView> accounts,
			Map<String, String> networkNames) {
	}

	public static void write(Context context, List<TargetView> targets, Writer out) throws IOException {
		List<CalendarComponent> events = new ArrayList<>(targets.size());
		for (TargetView target : targets) {
			events.add(event(context, target));
		}
		PropertyList properties = new PropertyList(List.of(new ProdId("-//Vitrine//Calendar feed//EN"), ImmutableVersion.VERSION_2_0,
				ImmutableCalScale.GREGORIAN, ImmutableMethod.PUBLISH, new XProperty("X-WR-CALNAME", context.calendarName())));
		Calendar calendar = new Calendar(properties, new ComponentList<>(events));
		new CalendarOutputter(false).output(calendar, out);
	}

	static VEvent event(Context context, TargetView target) {
		ConnectionView account = context.accounts().get(target.connectionId());
		String network = account == null ? "" : context.networkNames().getOrDefault(account.network().value(), account.network().value());
		String handle = account == null ? "" : account.handle();
		List<Property> properties = new ArrayList<>();
		properties.add(new Uid(target.id() + "@vitrine"));
		properties.add(new DtStamp(target.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
		properties.add(new LastModified(target.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
		properties.add(new DtStart<>(target.dueAt().truncatedTo(ChronoUnit.SECONDS)));
		properties.add(new Duration(java.time.Duration.ofMinutes(15)));
		properties.add(new Summary(summary(network, target.text())));
		properties.add(new Description(description(network, handle, target)));
		properties.add(new Url(URI.create(context.baseUrl() + "/w/" + context.workspaceId() + "/calendar/targets/" + target.id())));
		properties.add(status(target.state()));
		properties.add(new Categories(target.state().dbValue()));
		return new VEvent(new PropertyList(properties));
	}

	/** "Mastodon · Croissants at seven…": the network, then the text's start on one line. */
	static String summary(String network, String text) {
		String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		if (flat.codePointCount(0, flat.length()) > SUMMARY_TEXT) {
			flat = flat.substring(0, flat.offsetByCodePoints(0, SUMMARY_TEXT)).strip() + "\u2026";
		}
		return network.isEmpty() ? flat : network + " · " + flat;
	}

	private static String description(String network, String handle, TargetView target) {
		StringBuilder text = new StringBuilder(target.text() == null ? "" : target.text());
		if (target.link() != null) {
			text.append("\n\n").append(target.link());
		}
		text.append("\n\n").append(network).append(' ').append(handle).append(" · ").append(target.state().dbValue());
		if (target.remoteUrl() != null) {
			text.append("\n").append(target.remoteUrl());
		}
		return text.toString();
	}

	/** Published: it happened. Failed: it will not happen. Anything else is still to come. */
	static Status status(TargetState state) {
		return switch (state) {
			case PUBLISHED -> ImmutableStatus.VEVENT_CONFIRMED;
			case FAILED, CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
			default -> ImmutableStatus.VEVENT_TENTATIVE;
		};
	}
}
