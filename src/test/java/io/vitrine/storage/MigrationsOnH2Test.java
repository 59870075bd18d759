package io.vitrine.storage;

import io.vitrine.testsupport.OnH2;

class MigrationsOnH2Test extends MigrationsContract implements OnH2 {
}
