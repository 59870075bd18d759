package io.vitrine.media.web;

import io.vitrine.testsupport.OnH2;

class MediaOnH2Test extends MediaContract implements OnH2 {
}
