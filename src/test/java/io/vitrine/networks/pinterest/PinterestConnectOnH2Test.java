package io.vitrine.networks.pinterest;

import io.vitrine.testsupport.OnH2;

class PinterestConnectOnH2Test extends PinterestConnectContract implements OnH2 {
}
