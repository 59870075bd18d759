package io.vitrine.networks.x;

import io.vitrine.testsupport.OnPostgres;

class XConnectOnPostgresTest extends XConnectContract implements OnPostgres {
}
