package io.vitrine.workspaces.members;

import io.vitrine.testsupport.OnPostgres;

class MembershipOnPostgresTest extends MembershipContract implements OnPostgres {
}
