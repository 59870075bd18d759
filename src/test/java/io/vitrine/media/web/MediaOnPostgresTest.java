package io.vitrine.media.web;

import io.vitrine.testsupport.OnPostgres;

class MediaOnPostgresTest extends MediaContract implements OnPostgres {
}
