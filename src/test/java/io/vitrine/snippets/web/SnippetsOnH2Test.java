package io.vitrine.snippets.web;

import io.vitrine.testsupport.OnH2;

class SnippetsOnH2Test extends SnippetsContract implements OnH2 {
}
