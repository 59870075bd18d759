package io.vitrine.workspaces.setup;

import io.vitrine.testsupport.OnPostgres;

class SetupOnPostgresTest extends SetupContract implements OnPostgres {
}
