package io.vitrine.calendar.web;

import io.vitrine.testsupport.OnPostgres;

class CalendarOnPostgresTest extends CalendarContract implements OnPostgres {
}
