package io.vitrine.identity.tokens;

import io.vitrine.testsupport.OnH2;

class ApiTokensOnH2Test extends ApiTokensContract implements OnH2 {
}
