package io.github.kernelboot.lease;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import io.github.kernelboot.client.AcquireTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the lease meters, recorded in a {@link SimpleMeterRegistry} through a real Spring
 * context and a real HTTP server on loopback.
 */
class LeaseMetricsTests {

	private FakeKernelApi api;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("snapshots", 1);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
					KernelLeaseAutoConfiguration.class))
			.withUserConfiguration(MeterConfiguration.class)
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.pools.snapshots.acquire-timeout=5s", "kernel.pools.snapshots.poll-timeout=1s");
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void twoNoContentPollsThenABrowserCountTwoRetriesAndOneAcquiredSample() {
		this.api.script("snapshots", 204, 204, 200).scriptedNoContentDelay(Duration.ofMillis(300));
		this.contextRunner.run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			long started = System.nanoTime();
			BrowserLease lease = context.getBean(BrowserLeases.class).acquire("snapshots").block();
			long waitedNanos = System.nanoTime() - started;

			assertThat(meters.get("kernel.browser.acquire.retries").tag("pool", "snapshots").tag("reason", "no_content")
				.counter()
				.count()).isEqualTo(2);
			Timer acquire = meters.get("kernel.browser.acquire").tag("pool", "snapshots").tag("outcome", "acquired").timer();
			assertThat(acquire.count()).isEqualTo(1);
			// The whole wait, both held polls included, not only the last poll.
			assertThat(acquire.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(600)
				.isLessThanOrEqualTo(TimeUnit.NANOSECONDS.toMillis(waitedNanos));
			assertThat(lease.acquireTime().toMillis()).isGreaterThanOrEqualTo(600)
				.isLessThanOrEqualTo(TimeUnit.NANOSECONDS.toMillis(waitedNanos));
			assertThat(this.api.acquiresOf("snapshots")).isEqualTo(3);
			lease.release();
		});
	}

	@Test
	void acquireThatTimesOutIsRecordedWithOutcomeTimeout() {
		this.api.pool("busy", 0);
		this.contextRunner.withPropertyValues("kernel.pools.busy.acquire-timeout=1s", "kernel.pools.busy.poll-timeout=1s")
			.run((context) -> {
				StepVerifier.create(context.getBean(BrowserLeases.class).acquire("busy"))
					.expectError(AcquireTimeoutException.class)
					.verify(Duration.ofSeconds(10));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("kernel.browser.acquire").tag("pool", "busy").tag("outcome", "timeout").timer().count())
					.isEqualTo(1);
				assertThat(meters.find("kernel.browser.acquire").tag("outcome", "acquired").timer()).isNull();
			});
	}

	@Test
	void activeGaugeRisesAndFallsAndReleaseIsTimedAndCounted() {
		this.contextRunner.run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			BrowserLease lease = context.getBean(BrowserLeases.class).acquire("snapshots").block();
			assertThat(meters.get("kernel.browser.leases.active").tag("pool", "snapshots").gauge().value()).isEqualTo(1);

			lease.release();

			assertThat(meters.get("kernel.browser.leases.active").tag("pool", "snapshots").gauge().value()).isZero();
			assertThat(meters.get("kernel.browser.lease.duration").tag("pool", "snapshots").timer().count()).isEqualTo(1);
			assertThat(meters.get("kernel.browser.release").tag("pool", "snapshots").tag("outcome", "released")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void failedReleaseIsCountedAsFailed() {
		this.contextRunner.run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			BrowserLease lease = context.getBean(BrowserLeases.class).acquire("snapshots").block();
			this.api.releaseStatus(400);

			StepVerifier.create(lease.releaseAsync()).expectError().verify(Duration.ofSeconds(10));

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(meters.get("kernel.browser.release").tag("outcome", "failed").counter().count())
					.isEqualTo(1));
			assertThat(meters.get("kernel.browser.leases.active").tag("pool", "snapshots").gauge().value()).isZero();
		});
	}

	@Test
	void leasesWorkWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
					KernelLeaseAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MicrometerLeaseMetrics.class);
				context.getBean(BrowserLeases.class).acquire("snapshots").block().release();
				assertThat(this.api.releases()).hasSize(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return registry;
		}

	}

}
