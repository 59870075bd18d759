package io.vitrine.networks.facebook;

import io.vitrine.testsupport.OnPostgres;

class FacebookConnectOnPostgresTest extends FacebookConnectContract implements OnPostgres {
}
