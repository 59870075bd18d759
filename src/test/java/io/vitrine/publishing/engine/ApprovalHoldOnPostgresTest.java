package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnPostgres;

class ApprovalHoldOnPostgresTest extends ApprovalHoldContract implements OnPostgres {
}
