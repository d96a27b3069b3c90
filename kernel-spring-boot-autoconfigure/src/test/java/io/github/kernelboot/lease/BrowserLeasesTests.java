package io.github.kernelboot.lease;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import io.github.kernelboot.client.AcquireCancelledException;
import io.github.kernelboot.client.AcquireTimeoutException;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.model.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link BrowserLeases} in a real Spring context, against a real HTTP server on
 * loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrowserLeasesTests {

	private FakeKernelApi api;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("snapshots", 2);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
					KernelLeaseAutoConfiguration.class))
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.pools.snapshots.acquire-timeout=3s", "kernel.pools.snapshots.poll-timeout=1s");
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void withLeaseReleasesWhenTheWorkSucceeds() {
		this.contextRunner.run((context) -> {
			String session = context.getBean(BrowserLeases.class)
				.withLease("snapshots", (lease) -> Mono.just(lease.sessionId()))
				.block();
			awaitReleases(1);
			assertThat(this.api.releases().get(0).sessionId()).isEqualTo(session);
			assertThat(context.getBean(LeaseRegistry.class).activeLeases()).isEmpty();
		});
	}

	@Test
	void withLeaseReleasesWhenTheWorkFails() {
		this.contextRunner.run((context) -> {
			StepVerifier
				.create(context.getBean(BrowserLeases.class)
					.withLease("snapshots", (lease) -> Mono.error(new IllegalStateException("page crashed"))))
				.expectErrorMessage("page crashed")
				.verify(Duration.ofSeconds(10));
			awaitReleases(1);
		});
	}

	@Test
	void withLeaseReleasesWhenTheWorkThrowsBeforeReturningAMono() {
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(BrowserLeases.class).withLease("snapshots", (lease) -> {
				throw new IllegalArgumentException("bad url");
			})).expectErrorMessage("bad url").verify(Duration.ofSeconds(10));
			awaitReleases(1);
		});
	}

	@Test
	void withLeaseReleasesWhenTheWorkIsCancelled() throws InterruptedException {
		this.contextRunner.run((context) -> {
			CountDownLatch working = new CountDownLatch(1);
			Disposable subscription = context.getBean(BrowserLeases.class)
				.withLease("snapshots", (lease) -> Mono.never().doOnSubscribe((s) -> working.countDown()))
				.subscribe();
			assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
			subscription.dispose();
			awaitReleases(1);
			assertThat(context.getBean(LeaseRegistry.class).activeLeases()).isEmpty();
		});
	}

	@Test
	void acquireOnAnExhaustedPoolFailsAfterItsAcquireTimeout() {
		this.api.pool("busy", 0);
		this.contextRunner.withPropertyValues("kernel.pools.busy.acquire-timeout=1s", "kernel.pools.busy.poll-timeout=1s")
			.run((context) -> StepVerifier.create(context.getBean(BrowserLeases.class).acquire("busy"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AcquireTimeoutException.class)
					.hasMessageContaining("pool 'busy'"))
				.verify(Duration.ofSeconds(10)));
	}

	@Test
	void leaseHeldLongerThanTheThresholdIsReportedWithTheStackThatAcquiredIt(CapturedOutput output) {
		this.contextRunner.withPropertyValues("kernel.pools.snapshots.leak-detection-threshold=200ms")
			.run((context) -> {
				BrowserLease lease = acquireForLeakTest(context.getBean(BrowserLeases.class));
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(output).contains("Browser lease leak detection triggered for browser "
							+ lease.sessionId() + " of pool 'snapshots'"));
				assertThat(output).contains("Lease of pool 'snapshots' acquired here")
					.contains("acquireForLeakTest")
					.doesNotContain(FakeKernelApi.JWT);
				lease.release();
			});
	}

	@Test
	void leaseReleasedBeforeTheThresholdIsNotReported(CapturedOutput output) {
		this.contextRunner.withPropertyValues("kernel.pools.snapshots.leak-detection-threshold=300ms")
			.run((context) -> {
				BrowserLeases leases = context.getBean(BrowserLeases.class);
				acquireForLeakTest(leases).release();
				// A second lease held past the threshold shows that detection runs at all.
				BrowserLease held = acquireForLeakTest(leases);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(output).contains("leak detection triggered for browser " + held.sessionId()));
				assertThat(output).containsOnlyOnce("leak detection triggered");
				held.release();
			});
	}

	@Test
	void acquireAfterShutdownFailsAtOnceWithoutARequest() {
		this.contextRunner.run((context) -> {
			context.getBean(LeaseRegistry.class).stop();
			StepVerifier.create(context.getBean(BrowserLeases.class).acquire("snapshots"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AcquireCancelledException.class)
					.hasMessage("Acquire from pool 'snapshots' cancelled: the application is shutting down"))
				.verify(Duration.ofSeconds(10));
			assertThat(this.api.acquiresOf("snapshots")).isZero();
		});
	}

	@Test
	void waitingAcquireIsCancelledAtShutdown() {
		this.api.pool("busy", 0);
		this.contextRunner.withPropertyValues("kernel.pools.busy.acquire-timeout=30s", "kernel.pools.busy.poll-timeout=20s")
			.run((context) -> {
				Mono<BrowserLease> waiting = context.getBean(BrowserLeases.class).acquire("busy").cache();
				waiting.subscribe(null, (failure) -> {
				});
				await().atMost(Duration.ofSeconds(10)).until(() -> this.api.acquiresOf("busy") == 1);
				long started = System.nanoTime();
				context.getBean(LeaseRegistry.class).stop();
				StepVerifier.create(waiting).expectError(AcquireCancelledException.class).verify(Duration.ofSeconds(5));
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			});
	}

	@Test
	void browserArrivingAfterShutdownIsReleasedAtOnce() {
		this.contextRunner.run((context) -> {
			LeaseRegistry registry = context.getBean(LeaseRegistry.class);
			Browser browser = context.getBean(KernelClient.class).browserPools().acquire("snapshots").block();
			registry.stop();
			StepVerifier
				.create(registry.register(browser, "snapshots", new PoolSettings(Duration.ofSeconds(5),
						Duration.ofSeconds(1), true, null), Duration.ZERO, null))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AcquireCancelledException.class)
					.hasMessage("Acquire from pool 'snapshots' cancelled: browser snapshots-s1 arrived while the "
							+ "application is shutting down; it has been released"))
				.verify(Duration.ofSeconds(10));
			assertThat(FakeKernelApi.sessionIds(this.api.releases())).containsExactly("snapshots-s1");
		});
	}

	@Test
	void closingFromManyThreadsAtOnceSendsOneReleaseRequest() {
		this.contextRunner.run((context) -> {
			BrowserLease lease = context.getBean(BrowserLeases.class).acquire("snapshots").block();
			CountDownLatch start = new CountDownLatch(1);
			List<Thread> threads = IntStream.range(0, 8).mapToObj((i) -> new Thread(() -> {
				try {
					start.await();
					lease.close();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			})).toList();
			threads.forEach(Thread::start);
			start.countDown();
			for (Thread thread : threads) {
				thread.join(10_000);
			}
			assertThat(threads).noneMatch(Thread::isAlive);
			assertThat(this.api.releases()).hasSize(1);
			assertThat(lease.isReleased()).isTrue();
		});
	}

	@Test
	void leasesStillHeldAtShutdownAreReleasedInParallel() {
		this.api.pool("wide", 4).releaseDelay(Duration.ofSeconds(2));
		long[] closeMillis = new long[1];
		this.contextRunner.run((context) -> {
			BrowserLeases leases = context.getBean(BrowserLeases.class);
			for (int i = 0; i < 4; i++) {
				leases.acquire("wide").block();
			}
			closeMillis[0] = System.currentTimeMillis();
		});
		closeMillis[0] = System.currentTimeMillis() - closeMillis[0];
		assertThat(this.api.releases()).hasSize(4);
		// One after the other would take 8 s; in parallel it takes about one release.
		assertThat(closeMillis[0]).isLessThan(6000);
	}

	@Test
	void shutdownWaitsForReleasesNoLongerThanItsTimeoutAndOnlyOnce(CapturedOutput output) {
		this.api.releaseDelay(Duration.ofSeconds(30));
		long[] closeMillis = new long[1];
		this.contextRunner.withPropertyValues("kernel.shutdown-timeout=500ms").run((context) -> {
			context.getBean(BrowserLeases.class).acquire("snapshots").block();
			closeMillis[0] = System.currentTimeMillis();
		});
		closeMillis[0] = System.currentTimeMillis() - closeMillis[0];
		// 500 ms, not the 10 s default, and not a second wait when the context is destroyed.
		assertThat(closeMillis[0]).isLessThan(3000);
		assertThat(output.getOut().split("Gave up waiting after 500 ms", -1)).hasSize(2);
	}

	private static BrowserLease acquireForLeakTest(BrowserLeases leases) {
		return leases.acquire("snapshots").block(Duration.ofSeconds(10));
	}

	private void awaitReleases(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.releases().size() == count);
	}

}
