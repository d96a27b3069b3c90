package io.github.kernelboot.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.BrowserLeases;
import reactor.core.Disposable;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark 2: many acquires parked in long polls on an exhausted pool (kernel-local with the
 * stub launcher), then browsers released one at a time. What each waiting acquire costs in
 * threads and heap, how fast a released browser reaches the next waiter, and whether the
 * waiters were served first come, first served.
 */
final class WaitingAtScaleBenchmark {

	private static final String POOL = "scale";

	private final int waiters;

	WaitingAtScaleBenchmark(int waiters) {
		this.waiters = waiters;
	}

	Report run() {
		Report report = new Report("2. Waiting at scale: " + this.waiters + " parked acquires",
				"kernel-local's standalone jar with the stub launcher (no browser processes) in a process of its "
						+ "own, so the benchmark JVM holds only the client: a Spring context with the starter. A pool "
						+ "of one browser, held by a lease. " + this.waiters + " `BrowserLeases.acquire` calls are "
						+ "started one at a time, each once the previous one is parked at the server (kernel-local's "
						+ "`X-Kernel-Local-Waiting-Acquires` header), so the parking order is known. Then the held "
						+ "browser is released (reuse) and each waiter, once served, releases in turn: hand-off = "
						+ "from the release call to the waiter's lease. Threads and heap (after GC) are the client "
						+ "JVM's, before and after parking.");
		try (StandaloneKernelLocal server = StandaloneKernelLocal.startWithStubBrowsers();
				ConfigurableApplicationContext context = StarterContexts.leases(server.baseUrl(), server.apiKey(), POOL,
						true)) {
			KernelClient client = context.getBean(KernelClient.class);
			client.browserPools().create(BrowserPoolRequest.builder().name(POOL).size(1).build()).block();
			BrowserLeases leases = context.getBean(BrowserLeases.class);
			BrowserLease held = leases.acquire(POOL).block(Duration.ofSeconds(30));
			measure(report, server, leases, held);
		}
		catch (IOException | InterruptedException ex) {
			report.note("Could not run: " + ex);
		}
		return report;
	}

	private void measure(Report report, StandaloneKernelLocal server, BrowserLeases leases, BrowserLease held) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		// The JDK client that reads the waiting count starts its threads on first use: before
		// the baseline, so that they are not counted as the waiters'.
		server.waitingAcquires(POOL);
		long heapBefore = usedHeapAfterGc();
		int threadsBefore = threads.getThreadCount();
		BlockingQueue<Served> served = new LinkedBlockingQueue<>();
		List<Disposable> subscriptions = new ArrayList<>();
		long parkStarted = System.nanoTime();
		int parked = 0;
		for (int i = 0; i < this.waiters; i++) {
			int index = i;
			subscriptions.add(leases.acquire(POOL)
				.subscribe((lease) -> served.add(new Served(index, System.nanoTime(), lease))));
			if (!awaitWaiting(server, i + 1, Duration.ofSeconds(10))) {
				report.note("Only " + server.waitingAcquires(POOL) + " of " + (i + 1)
						+ " acquires reached the server within 10 s: the client holds the rest back.");
				break;
			}
			parked = i + 1;
		}
		long parkMillis = (System.nanoTime() - parkStarted) / 1_000_000;
		long heapAfter = usedHeapAfterGc();
		int threadsAfter = threads.getThreadCount();
		int addedThreads = threadsAfter - threadsBefore;
		double heapPerWaiter = (parked > 0) ? (heapAfter - heapBefore) / (double) parked / 1024 : Double.NaN;
		report.figure("acquires parked at the server", parked + " of " + this.waiters + " (in " + parkMillis + " ms)",
				"all", parked == this.waiters);
		report.figure("JVM threads added by the parked acquires", String.valueOf(addedThreads), "none per waiter",
				addedThreads < Math.max(parked / 10, 2));
		report.figure("JVM live threads with all parked", String.valueOf(threadsAfter), "< 60", threadsAfter < 60);
		report.figure("heap per waiting acquire (client)",
				String.format(Locale.ROOT, "%.1f KiB", heapPerWaiter), "< 16 KiB", heapPerWaiter < 16);

		Samples handOff = new Samples(parked);
		boolean fifo = true;
		BrowserLease current = held;
		for (int k = 0; k < parked; k++) {
			long released = System.nanoTime();
			current.releaseAsync().subscribe();
			Served next = poll(served);
			if (next == null) {
				report.note("Waiter " + k + " was not served within 30 s.");
				break;
			}
			handOff.add(next.at() - released);
			fifo &= (next.index() == k);
			current = next.lease();
		}
		current.release();
		subscriptions.forEach(Disposable::dispose);
		report.figure("hand-off release -> next waiter's lease, p50", Samples.millis(handOff.percentileMillis(50)));
		report.figure("hand-off release -> next waiter's lease, p99", Samples.millis(handOff.percentileMillis(99)),
				"< 20 ms", handOff.percentileMillis(99) < 20);
		report.figure("served first come, first served", fifo ? "yes" : "no", "yes", fifo);
	}

	private static boolean awaitWaiting(StandaloneKernelLocal server, int count, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (server.waitingAcquires(POOL) < count) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(200_000);
		}
		return true;
	}

	private static Served poll(BlockingQueue<Served> served) {
		try {
			return served.poll(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			LockSupport.parkNanos(100_000_000);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private record Served(int index, long at, BrowserLease lease) {

	}

}
