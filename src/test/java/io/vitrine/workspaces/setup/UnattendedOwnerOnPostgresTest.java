package io.vitrine.workspaces.setup;

import io.vitrine.testsupport.OnPostgres;

class UnattendedOwnerOnPostgresTest extends UnattendedOwnerContract implements OnPostgres {
}
