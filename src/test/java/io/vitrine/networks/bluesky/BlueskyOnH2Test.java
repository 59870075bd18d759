package io.vitrine.networks.bluesky;

import io.vitrine.testsupport.OnH2;

class BlueskyOnH2Test extends BlueskyContract implements OnH2 {
}
