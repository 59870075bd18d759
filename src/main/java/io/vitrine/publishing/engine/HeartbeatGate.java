package io.vitrine.publishing.engine;

import org.springframework.stereotype.Component;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The heartbeat updates all of this node's claimed rows in one statement, while group commits
 * update many of the same rows in another order: run side by side they could each hold a row the
 * other waits for. Group commits may overlap one another (they never share a row), the heartbeat
 * runs alone.
 */
@Component
class HeartbeatGate {

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	<T> T groupWrite(Supplier<T> write) {
		lock.readLock().lock();
		try {
			return write.get();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	<T> T heartbeat(Supplier<T> write) {
		lock.writeLock().lock();
		try {
			return write.get();
		}
		finally {
			lock.writeLock().unlock();
		}
	}
}
