package io.github.kernelboot.autoconfigure;

import java.util.Map;

import io.github.kernelboot.lease.FakeKernelApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@code kernel} health indicator against a real HTTP server on loopback.
 */
class KernelHealthIndicatorTests {

	private FakeKernelApi api;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("snapshots", 2);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
					KernelLeaseAutoConfiguration.class, KernelHealthContributorAutoConfiguration.class))
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void upWithTheCountsOfEveryConfiguredPool() {
		this.contextRunner.withPropertyValues("kernel.pools.snapshots.acquire-timeout=5s").run((context) -> {
			Health health = health(context.getBean("kernelHealthIndicator", ReactiveHealthIndicator.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("pools",
					Map.of("snapshots", Map.of("available", 2, "acquired", 0)));
			assertThat(health.getDetails()).containsEntry("leasesHeld", 0);
		});
	}

	@Test
	void downWhenAConfiguredPoolIsMissing() {
		this.contextRunner.withPropertyValues("kernel.default-pool=gone").run((context) -> {
			Health health = health(context.getBean("kernelHealthIndicator", ReactiveHealthIndicator.class));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("missingPools", java.util.List.of("gone"));
		});
	}

	@Test
	void upWhenTheApiAnswersAndNoPoolIsConfigured() {
		this.contextRunner.run((context) -> assertThat(
				health(context.getBean("kernelHealthIndicator", ReactiveHealthIndicator.class)).getStatus())
			.isEqualTo(Status.UP));
	}

	@Test
	void downWithoutTheKeyInItsDetailsWhenTheKeyIsRefused() {
		this.contextRunner.withPropertyValues("kernel.api-key=sk_wrong_key_0123456789", "kernel.default-pool=snapshots")
			.run((context) -> {
				Health health = health(context.getBean("kernelHealthIndicator", ReactiveHealthIndicator.class));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().toString()).contains("401").doesNotContain("sk_wrong_key_0123456789");
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.kernel.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("kernelHealthIndicator"));
	}

	private static Health health(ReactiveHealthIndicator indicator) {
		return indicator.health().block(java.time.Duration.ofSeconds(10));
	}

}
