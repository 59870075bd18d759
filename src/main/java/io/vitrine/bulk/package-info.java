/**
 * Bulk import and export: posts from a CSV file (checked row by row with the composer's rules, previewed,
 * imported only on request, in batches, by a background job) and the workspace's posts as CSV. The
 * iCalendar feed is the calendar module's.
 */
package io.vitrine.bulk;
