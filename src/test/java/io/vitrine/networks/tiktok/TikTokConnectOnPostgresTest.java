package io.vitrine.networks.tiktok;

import io.vitrine.testsupport.OnPostgres;

class TikTokConnectOnPostgresTest extends TikTokConnectContract implements OnPostgres {
}
