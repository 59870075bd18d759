package io.vitrine.networks.mastodon;

import io.vitrine.testsupport.OnPostgres;

class MastodonConnectOnPostgresTest extends MastodonConnectContract implements OnPostgres {
}
