package io.vitrine.web;

import io.vitrine.testsupport.OnH2;

class CrossWorkspaceIsolationOnH2Test extends CrossWorkspaceIsolationContract implements OnH2 {
}
