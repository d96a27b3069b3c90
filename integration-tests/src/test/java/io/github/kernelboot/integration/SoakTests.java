package io.github.kernelboot.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.KernelException;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.integration.FaultProxy.Fault;
import io.github.kernelboot.integration.FaultProxy.Forwarded;
import io.github.kernelboot.lease.BrowserLeases;
import io.github.kernelboot.lease.LeaseRegistry;
import io.github.kernelboot.local.KernelLocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bounded soak: 16 workers each run acquire, one CDP command and release, a fixed number of
 * times, through the fault proxy, on a small pool of real Chromium in kernel-local. Afterwards
 * nothing is leased, every browser the server leased was released there exactly once, every
 * failed cycle failed with a typed exception, the threads are back, and the logs hold no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SoakTests {

	private static final int WORKERS = 16;

	private static final int CYCLES_PER_WORKER = 120;

	private static final Duration CAP = Duration.ofMinutes(2);

	private static final Pattern JWT = Pattern.compile("jwt=([^&]+)");

	private static final Pattern SESSION_ID = Pattern.compile("\"session_id\"\\s*:\\s*\"([^\"]+)\"");

	private static final String ACQUIRE = "POST /browser_pools/soak/acquire";

	private static final String RELEASE = "POST /browser_pools/soak/release";

	@Test
	void soakThroughInjectedFaultsLeavesNothingLeasedAndNothingLeaked(CapturedOutput output) throws Exception {
		KernelLocalServer server = KernelLocalServer.builder().timeScale(0.05).build();
		server.start();
		try (FaultProxy proxy = FaultProxy.start(server.port(), (index, line) -> Fault.PASS)) {
			KernelClient direct = KernelClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
			direct.browserPools().create(BrowserPoolRequest.builder().name("soak").size(4).build()).block();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> direct.browserPools().retrieve("soak").block().availableCount() == 4);
			try (ConfigurableApplicationContext context = StarterApplications.run(proxy.baseUrl(), server.apiKey(),
					"kernel.read-timeout=2s", "kernel.pools.soak.acquire-timeout=30s",
					"kernel.pools.soak.poll-timeout=2s", "logging.level.io.github.kernelboot=debug")) {
				BrowserLeases leases = context.getBean(BrowserLeases.class);
				Set<String> jwts = ConcurrentHashMap.newKeySet();
				List<Throwable> failures = new CopyOnWriteArrayList<>();
				AtomicInteger succeeded = new AtomicInteger();
				// A warm-up round without faults, as concurrent as the soak, starts the event loops,
				// timers and connections the soak uses: the baseline of threads.
				Flux.range(0, WORKERS).flatMap((worker) -> cycle(leases, jwts), WORKERS).blockLast(Duration.ofSeconds(60));
				List<String> threadsBefore = threadNamesOutsideTheProxy();

				proxy.plan(apiRequestsOnly(FaultProxy.randomly(0.08, 42, Fault.RESET_BEFORE_REQUEST,
						Fault.RESET_AFTER_REQUEST, Fault.STALL_RESPONSE, Fault.RATE_LIMITED, Fault.UNAVAILABLE,
						Fault.TRUNCATED_BODY)));
				Flux.range(0, WORKERS)
					.flatMap((worker) -> Flux.range(0, CYCLES_PER_WORKER)
						.concatMap((i) -> cycle(leases, jwts).doOnSuccess((ignored) -> succeeded.incrementAndGet())
							.onErrorResume((failure) -> {
								failures.add(failure);
								return Mono.empty();
							})), WORKERS)
					.blockLast(CAP);
				proxy.plan((index, line) -> Fault.PASS);
				System.out.println("Soak: " + succeeded.get() + " cycles succeeded, " + failures.size() + " failed "
						+ failures.stream().map((failure) -> failure.getClass().getSimpleName()).distinct().toList()
						+ "; faults injected: " + java.util.Arrays.stream(Fault.values())
							.filter((fault) -> fault != Fault.PASS)
							.map((fault) -> fault + "=" + proxy.injected(fault))
							.toList());

				assertThat(succeeded.get() + failures.size()).isEqualTo(WORKERS * CYCLES_PER_WORKER);
				assertThat(succeeded.get()).as("most cycles get through the faults").isGreaterThan(WORKERS * CYCLES_PER_WORKER / 2);
				assertThat(failures).allSatisfy((failure) -> assertThat(failure).isInstanceOf(KernelException.class));
				assertThat(context.getBean(LeaseRegistry.class).activeLeases()).isEmpty();
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(direct.browserPools().retrieve("soak").block().acquiredCount()).isZero());
				assertEveryLeasedBrowserReleasedOnceOnTheServer(proxy.forwarded());
				assertThat(proxy.injected(Fault.PASS)).isPositive();
				// Polled in this thread: Awaitility's own would be one more.
				await().atMost(Duration.ofSeconds(15))
					.pollInSameThread()
					.untilAsserted(() -> assertThat(threadNamesOutsideTheProxy()).hasSizeLessThanOrEqualTo(threadsBefore.size())
						.as("threads before: %s", threadsBefore)
						.isSubsetOf(threadsBefore));
				assertThat(jwts).isNotEmpty();
				String logs = output.toString();
				assertThat(logs).doesNotContain(server.apiKey());
				jwts.forEach((jwt) -> assertThat(logs).doesNotContain(jwt));
			}
		}
		finally {
			server.stop();
		}
	}

	private static Mono<String> cycle(BrowserLeases leases, Set<String> jwts) {
		return leases.withLease("soak", (lease) -> {
			Matcher jwt = JWT.matcher(lease.cdpWsUrl());
			if (jwt.find()) {
				jwts.add(jwt.group(1));
			}
			return Cdp.browserVersion(lease.cdpWsUrl());
		});
	}

	/**
	 * Every 200 the server gave to an acquire leased a browser; each must be matched by one
	 * 204 to a release of that session, in order.
	 */
	private static void assertEveryLeasedBrowserReleasedOnceOnTheServer(List<Forwarded> forwarded) {
		int leased = 0;
		int released = 0;
		for (Forwarded exchange : forwarded) {
			if (exchange.requestLine().startsWith(ACQUIRE) && exchange.status() == 200) {
				leased++;
			}
			if (exchange.requestLine().startsWith(RELEASE) && exchange.status() == 204) {
				released++;
			}
		}
		assertThat(leased).isGreaterThan(WORKERS * CYCLES_PER_WORKER / 2);
		assertThat(released).isEqualTo(leased);
		assertEachLeaseReleasedOnceWhileLeased(forwarded);
	}

	/**
	 * Replays, in the order they took effect on the server, the acquires answered 200 and the
	 * releases that reached it: an acquire leases the session its answer names, a release
	 * answered 204 ends that lease. Every release must reach the server while its session is
	 * leased, a session is leased again only once free, and at the end no lease is left. A
	 * release sent twice fails it: either the copy arrives while the session is free, or it
	 * ends the next holder's lease and that holder's own release arrives while it is free.
	 *
	 * <p>Order of effect: a lease exists before the proxy has the acquire's answer, and a
	 * release takes effect after the proxy sent it; the next acquire of a session cannot be
	 * answered before the release that freed it was sent, nor a release sent before the
	 * answer of the acquire it ends. So an acquire counts at {@code answeredAt}, a release at
	 * {@code sentAt}, and the ticks of a correct history come out in its order.
	 */
	private static void assertEachLeaseReleasedOnceWhileLeased(List<Forwarded> forwarded) {
		List<Forwarded> events = forwarded.stream()
			.filter((exchange) -> isLease(exchange) || exchange.requestLine().startsWith(RELEASE))
			.sorted(Comparator
				.comparingLong((exchange) -> isLease(exchange) ? exchange.answeredAt() : exchange.sentAt()))
			.toList();
		Map<String, Forwarded> leases = new HashMap<>();
		List<String> violations = new ArrayList<>();
		for (Forwarded event : events) {
			if (isLease(event)) {
				String session = sessionId(event.responseBody());
				Forwarded holder = leases.put(session, event);
				if (holder != null) {
					violations.add("session " + session + " leased at tick " + event.answeredAt()
							+ " while still leased since tick " + holder.answeredAt());
				}
			}
			else {
				String session = sessionId(event.body());
				if (!leases.containsKey(session)) {
					violations.add("release of session " + session + " (answered " + event.status()
							+ ") reached the server at tick " + event.sentAt() + " while the session was not leased");
				}
				else if (event.status() == 204) {
					leases.remove(session);
				}
			}
		}
		leases.forEach((session, lease) -> violations
			.add("lease of session " + session + " from tick " + lease.answeredAt() + " never released"));
		assertThat(events).filteredOn(SoakTests::isLease).hasSizeGreaterThan(WORKERS * CYCLES_PER_WORKER / 2);
		assertThat(violations).as("leases and releases replayed from what reached the server").isEmpty();
	}

	private static boolean isLease(Forwarded exchange) {
		return exchange.requestLine().startsWith(ACQUIRE) && exchange.status() == 200;
	}

	private static String sessionId(String json) {
		Matcher session = SESSION_ID.matcher(json);
		assertThat(session.find()).as("session_id in %s", json).isTrue();
		return session.group(1);
	}

	// Faults go to the Kernel API only; the CDP websockets pass untouched.
	private static FaultProxy.FaultPlan apiRequestsOnly(FaultProxy.FaultPlan plan) {
		return (index, line) -> line.contains(" /browser/cdp/") ? Fault.PASS : plan.faultFor(index, line);
	}

	private static List<String> threadNamesOutsideTheProxy() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("fault-proxy"))
			.sorted()
			.toList();
	}

}
