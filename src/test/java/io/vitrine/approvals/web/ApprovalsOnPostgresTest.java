package io.vitrine.approvals.web;

import io.vitrine.testsupport.OnPostgres;

class ApprovalsOnPostgresTest extends ApprovalsContract implements OnPostgres {
}
