package io.vitrine.networks.linkedin;

import io.vitrine.testsupport.OnPostgres;

class LinkedInConnectOnPostgresTest extends LinkedInConnectContract implements OnPostgres {
}
