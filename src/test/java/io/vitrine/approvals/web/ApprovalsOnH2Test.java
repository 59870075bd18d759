package io.vitrine.approvals.web;

import io.vitrine.testsupport.OnH2;

class ApprovalsOnH2Test extends ApprovalsContract implements OnH2 {
}
