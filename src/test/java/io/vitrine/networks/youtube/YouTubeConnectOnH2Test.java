package io.vitrine.networks.youtube;

import io.vitrine.testsupport.OnH2;

class YouTubeConnectOnH2Test extends YouTubeConnectContract implements OnH2 {
}
