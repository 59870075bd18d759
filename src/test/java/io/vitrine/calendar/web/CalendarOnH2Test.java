package io.vitrine.calendar.web;

import io.vitrine.testsupport.OnH2;

class CalendarOnH2Test extends CalendarContract implements OnH2 {
}
