package io.vitrine.networks.gbp;

import io.vitrine.testsupport.OnH2;

class GbpConnectOnH2Test extends GbpConnectContract implements OnH2 {
}
