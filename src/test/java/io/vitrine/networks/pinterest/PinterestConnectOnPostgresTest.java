package io.vitrine.networks.pinterest;

import io.vitrine.testsupport.OnPostgres;

class PinterestConnectOnPostgresTest extends PinterestConnectContract implements OnPostgres {
}
