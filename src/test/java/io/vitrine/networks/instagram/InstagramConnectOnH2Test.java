package io.vitrine.networks.instagram;

import io.vitrine.testsupport.OnH2;

class InstagramConnectOnH2Test extends InstagramConnectContract implements OnH2 {
}
