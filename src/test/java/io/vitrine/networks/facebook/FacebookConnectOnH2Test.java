package io.vitrine.networks.facebook;

import io.vitrine.testsupport.OnH2;

class FacebookConnectOnH2Test extends FacebookConnectContract implements OnH2 {
}
