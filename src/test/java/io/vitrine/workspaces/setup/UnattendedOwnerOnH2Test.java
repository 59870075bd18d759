package io.vitrine.workspaces.setup;

import io.vitrine.testsupport.OnH2;

class UnattendedOwnerOnH2Test extends UnattendedOwnerContract implements OnH2 {
}
