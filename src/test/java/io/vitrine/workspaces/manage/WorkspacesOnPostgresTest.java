package io.vitrine.workspaces.manage;

import io.vitrine.testsupport.OnPostgres;

class WorkspacesOnPostgresTest extends WorkspacesContract implements OnPostgres {
}
