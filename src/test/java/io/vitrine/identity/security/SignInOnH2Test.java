package io.vitrine.identity.security;

import io.vitrine.testsupport.OnH2;

class SignInOnH2Test extends SignInContract implements OnH2 {
}
