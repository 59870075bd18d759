package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnH2;

class PublishingEngineOnH2Test extends PublishingEngineContract implements OnH2 {
}
