package io.vitrine.publishing.web;

import io.vitrine.testsupport.OnPostgres;

class SentOnceOnPostgresTest extends SentOnceContract implements OnPostgres {
}
