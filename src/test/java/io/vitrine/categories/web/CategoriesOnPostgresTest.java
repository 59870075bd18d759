package io.vitrine.categories.web;

import io.vitrine.testsupport.OnPostgres;

class CategoriesOnPostgresTest extends CategoriesContract implements OnPostgres {
}
