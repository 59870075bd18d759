package io.vitrine.networks.mastodon;

import io.vitrine.testsupport.OnH2;

class MastodonConnectOnH2Test extends MastodonConnectContract implements OnH2 {
}
