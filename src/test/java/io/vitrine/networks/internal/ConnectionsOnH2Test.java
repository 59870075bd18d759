package io.vitrine.networks.internal;

import io.vitrine.testsupport.OnH2;

class ConnectionsOnH2Test extends ConnectionsContract implements OnH2 {
}
