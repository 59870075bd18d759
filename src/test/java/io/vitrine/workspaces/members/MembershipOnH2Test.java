package io.vitrine.workspaces.members;

import io.vitrine.testsupport.OnH2;

class MembershipOnH2Test extends MembershipContract implements OnH2 {
}
