package io.vitrine.calendar.web;

import io.vitrine.calendar.NotableDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Names notable dates in the request's language (bundle i18n/calendar). */
@Component
class NotableDateNames {

	private final MessageSource messages;

	NotableDateNames(MessageSource messages) {
		this.messages = messages;
	}

	List<NotableDateView> views(UUID workspaceId, List<NotableDate> dates) {
		var locale = LocaleContextHolder.getLocale();
		return dates.stream().map(d -> {
			String name = messages.getMessage("notable." + d.key(), null, d.key(), locale);
			if (d.substitute()) {
				name = messages.getMessage("notable.substitute", new Object[] { name }, name, locale);
			}
			return new NotableDateView(d.date(), d.country(), d.key(), name, d.kind(), d.substitute(),
					"/w/" + workspaceId + "/compose?date=" + d.date());
		}).toList();
	}
}
