package io.vitrine.identity.tokens;

import io.vitrine.testsupport.OnPostgres;

class ApiTokensOnPostgresTest extends ApiTokensContract implements OnPostgres {
}
