package io.vitrine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load target's raw capacity: the same number of plain status posts as the scenario, sent as
 * fast as possible with the engine's concurrency, by a separate JVM like Vitrine is. Prints
 * "seconds ok" on its last line.
 */
public final class Baseline {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int count = Integer.parseInt(args[1]);
		int concurrency = Integer.parseInt(args[2]);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		Semaphore permits = new Semaphore(concurrency);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger accounts = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				permits.acquire();
				String key = "base-" + i;
				String account = "acct-" + (accounts.incrementAndGet() % 1000);
				pool.execute(() -> {
					try {
						HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/statuses"))
							.timeout(Duration.ofSeconds(20))
							.header("Authorization", "Bearer tok-" + account)
							.header("Idempotency-Key", key)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Bench post " + key + "\",\"visibility\":\"public\"}"))
							.build();
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() == 200) {
							ok.incrementAndGet();
						}
					}
					catch (Exception e) {
						// counted as not ok
					}
					finally {
						permits.release();
					}
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.println(seconds + " " + ok.get());
	}
}
