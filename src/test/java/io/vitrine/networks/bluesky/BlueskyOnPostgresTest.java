package io.vitrine.networks.bluesky;

import io.vitrine.testsupport.OnPostgres;

class BlueskyOnPostgresTest extends BlueskyContract implements OnPostgres {
}
