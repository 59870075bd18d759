package io.vitrine.snippets.web;

import io.vitrine.testsupport.OnPostgres;

class SnippetsOnPostgresTest extends SnippetsContract implements OnPostgres {
}
