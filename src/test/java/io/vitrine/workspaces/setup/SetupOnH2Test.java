package io.vitrine.workspaces.setup;

import io.vitrine.testsupport.OnH2;

class SetupOnH2Test extends SetupContract implements OnH2 {
}
