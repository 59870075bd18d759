package io.vitrine.networks.internal;

import io.vitrine.testsupport.OnPostgres;

class ConnectionsOnPostgresTest extends ConnectionsContract implements OnPostgres {
}
