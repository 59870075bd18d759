package io.vitrine.workspaces.manage;

import io.vitrine.testsupport.OnH2;

class WorkspacesOnH2Test extends WorkspacesContract implements OnH2 {
}
