package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnPostgres;

class PostQuotasOnPostgresTest extends PostQuotasContract implements OnPostgres {
}
