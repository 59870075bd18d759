package io.vitrine.networks.youtube;

import io.vitrine.testsupport.OnPostgres;

class YouTubeConnectOnPostgresTest extends YouTubeConnectContract implements OnPostgres {
}
