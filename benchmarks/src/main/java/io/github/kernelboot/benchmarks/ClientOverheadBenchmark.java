package io.github.kernelboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.ReleaseRequest;
import io.github.kernelboot.lease.BrowserLeases;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Benchmark 1: the cost of the starter on one acquire + release cycle, against a bare Reactor
 * Netty {@link HttpClient} doing the same cycle, both to one in-process server that answers at
 * once. The sides run in alternating rounds in the same JVM.
 */
final class ClientOverheadBenchmark {

	private static final String API_KEY = "bench-key";

	private static final byte[] BROWSER = """
			{"session_id": "bench-1", "cdp_ws_url": "ws://127.0.0.1:9/browser/cdp/bench-1?jwt=bench",
			 "created_at": "2026-11-22T10:15:30Z", "headless": true, "stealth": false, "timeout_seconds": 600,
			 "pool": {"id": "p-1", "name": "bench"}}""".getBytes(StandardCharsets.UTF_8);

	private static final int ROUNDS = 10;

	private static final int WARM_UP = 20_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private static final String ACQUIRE = "/browser_pools/bench/acquire";

	private static final String RELEASE = "/browser_pools/bench/release";

	Report run() {
		Report report = new Report("1. Client overhead: acquire + release",
				"One cycle = `POST /browser_pools/bench/acquire` (200 with a browser) + `POST .../release` (204) of "
						+ "the session the acquire answered, against an in-process Reactor Netty server that answers at "
						+ "once. **Starter**: `BrowserLeases.acquire(pool).flatMap(BrowserLease::releaseAsync)` in a "
						+ "Spring context with its meters and acquire observation on (SimpleMeterRegistry, "
						+ "DefaultMeterObservationHandler); Boot's HTTP client observations are off, as on the other "
						+ "sides. **Bare**: the same cycle by hand on a Reactor Netty `HttpClient` with its headers set "
						+ "once: the acquire body written and the answer read into the `Browser` record with Jackson, "
						+ "the release naming the session read from it. Same headers and bodies on every side, except "
						+ "that the starter's acquire body also carries its acquire-id tag (what lets it find a browser "
						+ "whose answer was lost). For reference: **WebClient**, the same by hand on a plain Spring "
						+ "`WebClient` naming each request's whole URI (the floor of any client built on WebClient), "
						+ "and **bytes**, Reactor Netty sending two fixed bodies and reading the answers as bytes, with "
						+ "no JSON at all. Each side is warmed up with " + WARM_UP + " cycles (fewer leave the longer "
						+ "code paths of WebClient and Jackson in the JIT's first tier and exaggerate the gap), then "
						+ ROUNDS + " alternating rounds per side; latency of each cycle, throughput of each side's "
						+ "rounds, and what they cost the whole process (client and server) in CPU time and heap "
						+ "allocated, per cycle: steadier than latency on a noisy machine.");
		DisposableServer server = cannedServer();
		String baseUrl = "http://127.0.0.1:" + server.port();
		ConnectionProvider bareConnections = ConnectionProvider.builder("bare").maxConnections(64).build();
		HttpClient bare = HttpClient.create(bareConnections)
			.baseUrl(baseUrl)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + API_KEY)
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.ACCEPT, "application/json"));
		WebClient webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(bareConnections)))
			.build();
		// The poll time the other sides send too.
		try (ConfigurableApplicationContext context = StarterContexts.leases(baseUrl, API_KEY, "bench", true,
				"kernel.pools.bench.poll-timeout=20s")) {
			BrowserLeases leases = context.getBean(BrowserLeases.class);
			List<Supplier<Mono<?>>> sides = List.of(
					() -> leases.acquire("bench").flatMap((lease) -> lease.releaseAsync()), () -> bareCycle(bare),
					() -> webClientCycle(webClient, baseUrl), () -> bytesCycle(bare));
			for (int concurrency : new int[] { 1, 16 }) {
				int perRound = (concurrency == 1) ? 1_000 : 4_000;
				List<Samples> samples = new ArrayList<>();
				List<Cost> costs = new ArrayList<>();
				for (Supplier<Mono<?>> side : sides) {
					measure(concurrency, WARM_UP, side, new Samples(0), new Cost());
					samples.add(new Samples(ROUNDS * perRound));
					costs.add(new Cost());
				}
				for (int round = 0; round < ROUNDS; round++) {
					for (int side = 0; side < sides.size(); side++) {
						measure(concurrency, perRound, sides.get(side), samples.get(side), costs.get(side));
					}
				}
				report(report, concurrency, samples, costs, perRound * ROUNDS);
			}
		}
		finally {
			bareConnections.disposeLater().block(Duration.ofSeconds(5));
			server.disposeNow();
		}
		return report;
	}

	private static void report(Report report, int concurrency, List<Samples> samples, List<Cost> costs, int cycles) {
		String callers = concurrency + ((concurrency == 1) ? " caller" : " callers");
		for (int percentile : new int[] { 50, 99 }) {
			double[] millis = samples.stream().mapToDouble((side) -> side.percentileMillis(percentile)).toArray();
			double starter = millis[0] / millis[1];
			double target = (percentile == 50) ? 1.15 : 1.3;
			report.figure("p" + percentile + ", " + callers + ": starter / bare / WebClient / bytes",
					Samples.millis(millis[0]) + " / " + Samples.millis(millis[1]) + " / " + Samples.millis(millis[2])
							+ " / " + Samples.millis(millis[3]));
			report.figure("p" + percentile + " ratio starter / bare, " + callers, Samples.ratio(starter),
					"<= " + target + "x", starter <= target);
			report.figure("p" + percentile + " ratio WebClient / bare, starter / bytes, " + callers,
					Samples.ratio(millis[2] / millis[1]) + ", " + Samples.ratio(millis[0] / millis[3]));
		}
		double[] throughput = costs.stream().mapToDouble((cost) -> cycles / (cost.wallNanos / 1e9)).toArray();
		report.figure("throughput, " + callers + ": starter / bare / WebClient / bytes",
				String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f cycles/s (starter %.2fx of bare)", throughput[0],
						throughput[1], throughput[2], throughput[3], throughput[0] / throughput[1]));
		double[] cpu = costs.stream().mapToDouble((cost) -> cost.cpuNanos / 1e3 / cycles).toArray();
		report.figure("CPU per cycle (whole process), " + callers + ": starter / bare / WebClient / bytes",
				String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f us (starter %.2fx of bare)", cpu[0], cpu[1],
						cpu[2], cpu[3], cpu[0] / cpu[1]));
		double[] heap = costs.stream().mapToDouble((cost) -> cost.allocatedBytes / 1024.0 / cycles).toArray();
		report.figure("heap allocated per cycle, " + callers + ": starter / bare / WebClient / bytes",
				String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f KiB", heap[0], heap[1], heap[2], heap[3]));
	}

	/**
	 * Runs {@code cycles} cycles with {@code concurrency} callers each running cycles one
	 * after the other, recording each cycle's latency and adding what the run cost.
	 */
	private static void measure(int concurrency, int cycles, Supplier<Mono<?>> cycle, Samples samples, Cost cost) {
		long started = System.nanoTime();
		long cpuStarted = PROCESS.getProcessCpuTime();
		Map<Long, Long> allocatedBefore = allocatedBytes();
		Flux.range(0, concurrency)
			.flatMap((caller) -> Flux.range(0, cycles / concurrency).concatMap((i) -> Mono.defer(() -> {
				long cycleStarted = System.nanoTime();
				return cycle.get().doOnTerminate(() -> samples.add(System.nanoTime() - cycleStarted)).then();
			})), concurrency)
			.blockLast(Duration.ofMinutes(5));
		cost.wallNanos += System.nanoTime() - started;
		cost.cpuNanos += PROCESS.getProcessCpuTime() - cpuStarted;
		cost.allocatedBytes += allocatedSince(allocatedBefore);
	}

	// Heap allocated so far by each live thread: the client's, the server's and the callers'.
	private static Map<Long, Long> allocatedBytes() {
		long[] ids = THREADS.getAllThreadIds();
		long[] allocated = THREADS.getThreadAllocatedBytes(ids);
		Map<Long, Long> byThread = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (allocated[i] >= 0) {
				byThread.put(ids[i], allocated[i]);
			}
		}
		return byThread;
	}

	// What the threads alive at the end allocated since the start; a thread that ended in
	// between is not counted, rather than taking its count away.
	private static long allocatedSince(Map<Long, Long> before) {
		long total = 0;
		for (Map.Entry<Long, Long> thread : allocatedBytes().entrySet()) {
			total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
		}
		return total;
	}

	/** What one side's rounds cost in all. */
	private static final class Cost {

		long wallNanos;

		long cpuNanos;

		long allocatedBytes;

	}

	private static Mono<?> webClientCycle(WebClient client, String baseUrl) {
		return webClientPost(client, baseUrl + ACQUIRE, new AcquireRequest(20, null, null, null))
			.map(ClientOverheadBenchmark::browser)
			.flatMap((browser) -> webClientPost(client, baseUrl + RELEASE,
					new ReleaseRequest(browser.sessionId(), true)));
	}

	// A whole URI rather than a path on a base URL: WebClient's URI builder would parse both
	// again for every request, which is not WebClient's floor (the starter skips it too).
	private static Mono<byte[]> webClientPost(WebClient client, String uri, Object body) {
		return client.post()
			.uri(URI.create(uri))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + API_KEY)
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(JSON.writeValueAsBytes(body))
			.retrieve()
			.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0]);
	}

	private static Mono<?> bareCycle(HttpClient client) {
		return post(client, ACQUIRE, JSON.writeValueAsBytes(new AcquireRequest(20, null, null, null)))
			.map(ClientOverheadBenchmark::browser)
			.flatMap((browser) -> post(client, RELEASE,
					JSON.writeValueAsBytes(new ReleaseRequest(browser.sessionId(), true))));
	}

	private static Browser browser(byte[] json) {
		return JSON.readValue(json, Browser.class);
	}

	private static Mono<?> bytesCycle(HttpClient client) {
		byte[] acquire = "{\"acquire_timeout_seconds\":20}".getBytes(StandardCharsets.UTF_8);
		byte[] release = "{\"session_id\":\"bench-1\",\"reuse\":true}".getBytes(StandardCharsets.UTF_8);
		return post(client, ACQUIRE, acquire).then(post(client, RELEASE, release));
	}

	private static Mono<byte[]> post(HttpClient client, String path, byte[] json) {
		return client.post()
			.uri(path)
			.send(ByteBufFlux.fromInbound(Mono.just(json)))
			.responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0]));
	}

	private static DisposableServer cannedServer() {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/browser_pools/{pool}/acquire", (request, response) -> request.receive()
					.then(response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
						.sendByteArray(Mono.just(BROWSER))
						.then()))
				.post("/browser_pools/{pool}/release",
						(request, response) -> request.receive().then(response.status(204).send())))
			.bindNow();
	}

}
