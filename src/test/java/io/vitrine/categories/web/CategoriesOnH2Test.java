package io.vitrine.categories.web;

import io.vitrine.testsupport.OnH2;

class CategoriesOnH2Test extends CategoriesContract implements OnH2 {
}
