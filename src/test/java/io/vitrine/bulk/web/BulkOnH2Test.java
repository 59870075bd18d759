package io.vitrine.bulk.web;

import io.vitrine.testsupport.OnH2;

class BulkOnH2Test extends BulkContract implements OnH2 {
}
