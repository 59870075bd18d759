package io.vitrine.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.identity.CurrentUser;
import io.vitrine.shared.NotFound;
import io.vitrine.workspaces.Member;
import io.vitrine.workspaces.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** The REST twin of the feed section of the calendar settings page. */
@RestController
@Tag(name = "Calendar", description = "The content calendar: targets by day in their account's zone, and notable dates")
class CalendarFeedApi {

	private final WorkspaceAccess access;

	private final CalendarFeedService feeds;

	CalendarFeedApi(WorkspaceAccess access, CalendarFeedService feeds) {
		this.access = access;
		this.feeds = feeds;
	}

	record FeedInfo(boolean exists, Instant createdAt) {
	}

	record NewFeed(String url, Instant createdAt) {
	}

	@GetMapping("/api/v1/workspaces/{workspaceId}/calendar/feed")
	@Operation(summary = "Whether the workspace has a private iCalendar feed", description = "Its address is shown only when made")
	FeedInfo feedInfo(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		return feeds.of(member).map(f -> new FeedInfo(true, f.createdAt())).orElse(new FeedInfo(false, null));
	}

	@PostMapping("/api/v1/workspaces/{workspaceId}/calendar/feed")
	@Operation(summary = "Make a new private iCalendar feed address", description = "Owners and admins. The address "
			+ "(…/feeds/calendar/vcal_….ics) opens the workspace's posts of the last three months and the coming year to whoever "
			+ "holds it, with no sign-in; only its hash is kept, so it is shown this once. The previous address stops working.")
	ResponseEntity<NewFeed> issue(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		String url = feeds.issue(member);
		return ResponseEntity.status(HttpStatus.CREATED).body(new NewFeed(url, feeds.of(member).orElseThrow().createdAt()));
	}

	@DeleteMapping("/api/v1/workspaces/{workspaceId}/calendar/feed")
	@Operation(summary = "Revoke the private iCalendar feed address", description = "Owners and admins; 404 when there is none")
	ResponseEntity<Void> revoke(CurrentUser user, @PathVariable UUID workspaceId) {
		Member member = access.require(user, workspaceId);
		if (!feeds.revoke(member)) {
			throw new NotFound("calendar feed");
		}
		return ResponseEntity.noContent().build();
	}
}
