package io.vitrine.web;

import io.vitrine.testsupport.OnPostgres;

class CrossWorkspaceIsolationOnPostgresTest extends CrossWorkspaceIsolationContract implements OnPostgres {
}
