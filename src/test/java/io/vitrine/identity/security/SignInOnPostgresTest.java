package io.vitrine.identity.security;

import io.vitrine.testsupport.OnPostgres;

class SignInOnPostgresTest extends SignInContract implements OnPostgres {
}
