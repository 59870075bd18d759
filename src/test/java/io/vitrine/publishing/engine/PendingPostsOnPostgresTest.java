package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnPostgres;

class PendingPostsOnPostgresTest extends PendingPostsContract implements OnPostgres {
}
