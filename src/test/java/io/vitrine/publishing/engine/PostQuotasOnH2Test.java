package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnH2;

class PostQuotasOnH2Test extends PostQuotasContract implements OnH2 {
}
