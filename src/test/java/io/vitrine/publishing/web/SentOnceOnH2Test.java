package io.vitrine.publishing.web;

import io.vitrine.testsupport.OnH2;

class SentOnceOnH2Test extends SentOnceContract implements OnH2 {
}
