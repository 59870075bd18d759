package io.vitrine.networks.linkedin;

import io.vitrine.testsupport.OnH2;

class LinkedInConnectOnH2Test extends LinkedInConnectContract implements OnH2 {
}
