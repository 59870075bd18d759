package io.vitrine.networks.gbp;

import io.vitrine.testsupport.OnPostgres;

class GbpConnectOnPostgresTest extends GbpConnectContract implements OnPostgres {
}
