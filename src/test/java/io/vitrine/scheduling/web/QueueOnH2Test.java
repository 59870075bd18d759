package io.vitrine.scheduling.web;

import io.vitrine.testsupport.OnH2;

class QueueOnH2Test extends QueueContract implements OnH2 {
}
