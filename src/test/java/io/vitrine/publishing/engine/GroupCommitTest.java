package io.vitrine.publishing.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

	@Test
	void items_submitted_while_a_group_is_being_written_are_written_together_in_the_next_group() throws Exception {
		List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch firstGroupStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstGroup = new CountDownLatch(1);
		try (GroupCommit<Integer, String> commit = new GroupCommit<>("test-writer", 100, items -> {
			groups.add(List.copyOf(items));
			if (groups.size() == 1) {
				firstGroupStarted.countDown();
				await(releaseFirstGroup);
			}
			return items.stream().map(i -> "ok " + i).toList();
		}); ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<String> first = workers.submit(() -> commit.submit(0));
			firstGroupStarted.await();
			List<Future<String>> others = new ArrayList<>();
			for (int i = 1; i <= 10; i++) {
				int item = i;
				others.add(workers.submit(() -> commit.submit(item)));
			}
			while (commit.waiting() < 10) {
				Thread.sleep(5);
			}
			releaseFirstGroup.countDown();

			assertThat(first.get()).isEqualTo("ok 0");
			for (int i = 1; i <= 10; i++) {
				assertThat(others.get(i - 1).get()).as("each item gets its own answer").isEqualTo("ok " + i);
			}
			assertThat(groups).as("one write for the first item, one for the ten that waited meanwhile").hasSize(2);
			assertThat(groups.get(0)).containsExactly(0);
			assertThat(groups.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		}
	}

	@Test
	void when_a_group_cannot_be_written_every_item_of_it_fails_with_the_cause() {
		try (GroupCommit<Integer, Boolean> commit = new GroupCommit<>("test-writer", 100, items -> {
			throw new IllegalStateException("database unreachable");
		})) {
			assertThatThrownBy(() -> commit.submit(1)).isInstanceOf(IllegalStateException.class)
				.hasMessage("database unreachable");
		}
	}

	@Test
	void nothing_is_accepted_once_closed() {
		GroupCommit<Integer, Boolean> commit = new GroupCommit<>("test-writer", 100, items -> items.stream().map(i -> true).toList());
		assertThat(commit.submit(1)).isTrue();
		commit.close();
		assertThatThrownBy(() -> commit.submit(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopping");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
