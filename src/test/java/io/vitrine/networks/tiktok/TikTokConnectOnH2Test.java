package io.vitrine.networks.tiktok;

import io.vitrine.testsupport.OnH2;

class TikTokConnectOnH2Test extends TikTokConnectContract implements OnH2 {
}
