package io.vitrine.calendar.web;

import io.vitrine.testsupport.OnPostgres;

class CalendarFeedOnPostgresTest extends CalendarFeedContract implements OnPostgres {
}
