package io.vitrine.networks.instagram;

import io.vitrine.testsupport.OnPostgres;

class InstagramConnectOnPostgresTest extends InstagramConnectContract implements OnPostgres {
}
