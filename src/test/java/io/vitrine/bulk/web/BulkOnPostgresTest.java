package io.vitrine.bulk.web;

import io.vitrine.testsupport.OnPostgres;

class BulkOnPostgresTest extends BulkContract implements OnPostgres {
}
