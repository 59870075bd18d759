package io.vitrine.networks.x;

import io.vitrine.testsupport.OnH2;

class XConnectOnH2Test extends XConnectContract implements OnH2 {
}
