package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnH2;

class ApprovalHoldOnH2Test extends ApprovalHoldContract implements OnH2 {
}
