package io.vitrine.networks.threads;

import io.vitrine.testsupport.OnPostgres;

class ThreadsConnectOnPostgresTest extends ThreadsConnectContract implements OnPostgres {
}
