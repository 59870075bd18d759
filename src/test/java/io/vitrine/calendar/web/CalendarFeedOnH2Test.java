package io.vitrine.calendar.web;

import io.vitrine.testsupport.OnH2;

class CalendarFeedOnH2Test extends CalendarFeedContract implements OnH2 {
}
