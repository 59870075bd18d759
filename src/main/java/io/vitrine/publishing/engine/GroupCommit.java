package io.vitrine.publishing.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes that many workers make at the same moment, committed together: while one group is being
 * written the next one gathers, so a burst costs one transaction (one fsync) per group instead of
 * one per target, and a quiet engine still writes each item at once. {@link #submit} returns only
 * once the item's group is committed, so callers keep their "written before the request leaves"
 * guarantees.
 *
 * @param <T> what a worker asks to write
 * @param <R> what the write answered for that item (e.g. whether its row still matched)
 */
final class GroupCommit<T, R> implements AutoCloseable {

	private record Pending<T, R>(T item, CompletableFuture<R> done) {
	}

	private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();

	private final Function<List<T>, List<R>> writeAll;

	private final int maxGroup;

	private final Thread writer;

	private volatile boolean closed;

	/**
	 * @param writeAll writes and commits a group in one transaction, answering one result per item in
	 *     the same order; if it throws, every item of the group fails with that exception
	 */
	GroupCommit(String name, int maxGroup, Function<List<T>, List<R>> writeAll) {
		this.writeAll = writeAll;
		this.maxGroup = maxGroup;
		this.writer = Thread.ofVirtual().name(name).start(this::run);
	}

	/** Blocks until the item is committed (or its group failed, rethrown here). */
	R submit(T item) {
		if (closed) {
			throw new IllegalStateException("the publishing engine is stopping");
		}
		CompletableFuture<R> done = new CompletableFuture<>();
		queue.add(new Pending<>(item, done));
		if (closed && !writer.isAlive()) {
			failRemaining();
		}
		try {
			return done.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

	/** Items queued for the next group. */
	int waiting() {
		return queue.size();
	}

	private void run() {
		List<Pending<T, R>> group = new ArrayList<>();
		while (true) {
			try {
				Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					if (closed) {
						break;
					}
					continue;
				}
				group.add(first);
				queue.drainTo(group, maxGroup - 1);
				write(group);
			}
			catch (InterruptedException e) {
				break;
			}
			finally {
				group.clear();
			}
		}
		failRemaining();
	}

	private void write(List<Pending<T, R>> group) {
		List<R> results;
		try {
			results = writeAll.apply(group.stream().map(Pending::item).toList());
		}
		catch (RuntimeException | Error e) {
			group.forEach(p -> p.done().completeExceptionally(e));
			return;
		}
		for (int i = 0; i < group.size(); i++) {
			group.get(i).done().complete(results.get(i));
		}
	}

	private void failRemaining() {
		IllegalStateException stopping = new IllegalStateException("the publishing engine is stopping");
		Pending<T, R> left;
		while ((left = queue.poll()) != null) {
			left.done().completeExceptionally(stopping);
		}
	}

	/** Writes what is already queued, then stops. */
	@Override
	public void close() {
		closed = true;
		try {
			writer.join(10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		failRemaining();
	}
}
