package io.github.kernelboot.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import io.github.kernelboot.client.AcquireOptions;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.RetryPolicy;
import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.local.KernelLocalServer;
import reactor.core.publisher.Mono;

/**
 * Benchmark 3: kernel-local on real Chromium. Cold start of a browser, acquire from a warm
 * pool, release-to-waiter hand-off, and the memory an idle browser takes.
 */
final class KernelLocalChromiumBenchmark {

	Report run() {
		Report report = new Report("3. kernel-local on real Chromium",
				"kernel-local in-process with `/usr/bin/chromium`, driven by the starter's `KernelClient` over "
						+ "loopback. Times are end to end, as a client sees them.");
		KernelLocalServer server = KernelLocalServer.builder().build();
		server.start();
		try {
			KernelClient client = KernelClient.builder()
				.baseUrl(server.baseUrl())
				.apiKey(server.apiKey())
				.retryPolicy(RetryPolicy.NONE)
				.build();
			coldStart(report, client);
			warmAcquire(report, server, client);
			handOff(report, server, client);
			idleMemory(report, server, client);
		}
		finally {
			server.stop();
		}
		return report;
	}

	private static void coldStart(Report report, KernelClient client) {
		Samples starts = new Samples(10);
		for (int i = 0; i < 11; i++) {
			long started = System.nanoTime();
			Browser browser = client.browsers().create(BrowserRequest.builder().headless(true).build()).block();
			long took = System.nanoTime() - started;
			if (i > 0) {
				starts.add(took);
			}
			client.browsers().delete(browser.sessionId()).block();
		}
		report.figure("cold start (POST /browsers until it answers) p50", Samples.millis(starts.percentileMillis(50)));
		report.figure("cold start p90", Samples.millis(starts.percentileMillis(90)));
	}

	private static void warmAcquire(Report report, KernelLocalServer server, KernelClient client) {
		client.browserPools().create(BrowserPoolRequest.builder().name("warm").size(2).fillRatePerMinute(6000).build())
			.block();
		awaitAvailable(client, "warm", 2);
		AcquireOptions options = AcquireOptions.defaults();
		Samples acquires = new Samples(300);
		for (int i = 0; i < 350; i++) {
			long started = System.nanoTime();
			Browser browser = client.browserPools().acquire("warm", options).block();
			long took = System.nanoTime() - started;
			if (i >= 50) {
				acquires.add(took);
			}
			client.browserPools().release("warm", browser.sessionId()).block();
		}
		report.figure("acquire from a warm pool, p50", Samples.millis(acquires.percentileMillis(50)), "< 5 ms",
				acquires.percentileMillis(50) < 5);
		report.figure("acquire from a warm pool, p99", Samples.millis(acquires.percentileMillis(99)));
	}

	private static void handOff(Report report, KernelLocalServer server, KernelClient client) {
		client.browserPools().create(BrowserPoolRequest.builder().name("single").size(1).build()).block();
		awaitAvailable(client, "single", 1);
		Samples handOffs = new Samples(40);
		Browser held = client.browserPools().acquire("single").block();
		for (int i = 0; i < 45; i++) {
			long[] servedAt = new long[1];
			Mono<Browser> waiter = client.browserPools()
				.acquire("single", AcquireOptions.defaults())
				.doOnNext((browser) -> servedAt[0] = System.nanoTime())
				.cache();
			waiter.subscribe();
			while (server.waitingAcquires("single") < 1) {
				LockSupport.parkNanos(50_000);
			}
			long released = System.nanoTime();
			client.browserPools().release("single", held.sessionId()).subscribe();
			held = waiter.block(Duration.ofSeconds(30));
			if (i >= 5) {
				handOffs.add(servedAt[0] - released);
			}
		}
		client.browserPools().release("single", held.sessionId()).block();
		report.figure("release -> waiting acquire answered, p50", Samples.millis(handOffs.percentileMillis(50)));
		report.figure("release -> waiting acquire answered, p99", Samples.millis(handOffs.percentileMillis(99)));
	}

	private static void idleMemory(Report report, KernelLocalServer server, KernelClient client) {
		int size = 4;
		client.browserPools().create(BrowserPoolRequest.builder().name("idle").size(size).fillRatePerMinute(6000).build())
			.block();
		awaitAvailable(client, "idle", size);
		client.browserPools().flush("warm").block();
		client.browserPools().flush("single").block();
		client.browserPools().delete("warm", true).block();
		client.browserPools().delete("single", true).block();
		// Settle: the flushed browsers' processes go, the idle ones finish starting up.
		LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
		List<ProcessHandle> processes = ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(server.workDirectory().toString()))
				.orElse(false))
			.toList();
		long rssKib = processes.stream().mapToLong((process) -> memoryKib(process, "/status", "VmRSS:")).sum();
		long pssKib = processes.stream().mapToLong((process) -> memoryKib(process, "/smaps_rollup", "Pss:")).sum();
		report.figure("memory per idle browser, PSS (shared pages split)",
				String.format(Locale.ROOT, "%.0f MiB", pssKib / 1024.0 / size));
		report.figure("memory per idle browser, RSS (shared pages counted in full)",
				String.format(Locale.ROOT, "%.0f MiB (%d processes for %d browsers)", rssKib / 1024.0 / size,
						processes.size(), size));
	}

	private static long memoryKib(ProcessHandle process, String file, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + file))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The process went away meanwhile.
		}
		return 0;
	}

	private static void awaitAvailable(KernelClient client, String pool, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (client.browserPools().retrieve(pool).block().availableCount() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Pool '" + pool + "' did not fill within 60 s");
			}
			LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		}
	}

}
