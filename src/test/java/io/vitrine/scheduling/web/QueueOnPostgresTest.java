package io.vitrine.scheduling.web;

import io.vitrine.testsupport.OnPostgres;

class QueueOnPostgresTest extends QueueContract implements OnPostgres {
}
