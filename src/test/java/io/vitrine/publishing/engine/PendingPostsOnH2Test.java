package io.vitrine.publishing.engine;

import io.vitrine.testsupport.OnH2;

class PendingPostsOnH2Test extends PendingPostsContract implements OnH2 {
}
