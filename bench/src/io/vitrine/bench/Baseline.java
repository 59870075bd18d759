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
 * "seconds ok" on its last line. With a fourth argument "close", every post opens its own TCP
 * connection and closes it (plain sockets), as Vitrine's outbound client does on purpose.
 */
public final class Baseline {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int count = Integer.parseInt(args[1]);
		int concurrency = Integer.parseInt(args[2]);
		boolean close = args.length > 3 && args[3].equals("close");
		URI target = URI.create(url);
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
						if (close) {
							if (postOnFreshConnection(target, key, account)) {
								ok.incrementAndGet();
							}
							return;
						}
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

	private static boolean postOnFreshConnection(URI target, String key, String account) throws java.io.IOException {
		byte[] body = ("{\"status\":\"Bench post " + key + "\",\"visibility\":\"public\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
			socket.setSoTimeout(20_000);
			String head = "POST /api/v1/statuses HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
					+ "\r\nAuthorization: Bearer tok-" + account + "\r\nIdempotency-Key: " + key
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
			var out = socket.getOutputStream();
			out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
			return response.startsWith("HTTP/1.1 200");
		}
	}
}
