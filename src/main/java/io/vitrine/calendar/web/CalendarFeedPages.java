package io.vitrine.calendar.web;

import io.vitrine.identity.CurrentUser;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The iCalendar feed: its address (readable with the token alone, no session, by design: calendar
 * applications cannot sign in), and making or revoking it from the calendar settings page.
 */
@Controller
class CalendarFeedPages {

	private final WorkspaceAccess access;

	private final CalendarFeedService feeds;

	private final MessageSource messages;

	CalendarFeedPages(WorkspaceAccess access, CalendarFeedService feeds, MessageSource messages) {
		this.access = access;
		this.feeds = feeds;
		this.messages = messages;
	}

	@GetMapping("/feeds/calendar/{token}.ics")
	void feed(@PathVariable String token, HttpServletResponse response) throws IOException {
		java.io.StringWriter body = new java.io.StringWriter();
		feeds.write(token, body); // built whole first: a refused token never gets a half-written 200
		response.setContentType("text/calendar; charset=UTF-8");
		response.setHeader("Cache-Control", "private, max-age=300");
		response.setHeader("X-Robots-Tag", "noindex");
		response.setHeader("Referrer-Policy", "no-referrer");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write(body.toString());
		out.flush();
	}

	@PostMapping("/w/{workspaceId}/calendar/settings/feed")
	String issuePage(CurrentUser user, @PathVariable UUID workspaceId, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		redirect.addFlashAttribute("feedUrl", feeds.issue(member));
		redirect.addFlashAttribute("notice", messages.getMessage("calendar.feed.made", null, LocaleContextHolder.getLocale()));
		return "redirect:/w/" + workspaceId + "/calendar/settings";
	}

	@PostMapping("/w/{workspaceId}/calendar/settings/feed/revoke")
	String revokePage(CurrentUser user, @PathVariable UUID workspaceId, RedirectAttributes redirect) {
		Member member = access.require(user, workspaceId);
		feeds.revoke(member);
		redirect.addFlashAttribute("notice", messages.getMessage("calendar.feed.revoked", null, LocaleContextHolder.getLocale()));
		return "redirect:/w/" + workspaceId + "/calendar/settings";
	}
}
