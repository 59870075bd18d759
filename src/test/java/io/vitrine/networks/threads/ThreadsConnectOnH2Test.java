package io.vitrine.networks.threads;

import io.vitrine.testsupport.OnH2;

class ThreadsConnectOnH2Test extends ThreadsConnectContract implements OnH2 {
}
