package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnPostgres;

class PublishingEngineOnPostgresTest extends PublishingEngineContract implements OnPostgres {
}
