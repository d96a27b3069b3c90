package io.github.kernelboot.lease;

import java.time.Duration;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import io.github.kernelboot.client.NotFoundException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Captures every log line of a full lease cycle, with the starter's and the HTTP client's
 * loggers at their most verbose, and finds neither the API key nor the {@code jwt}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeaseLogSecretsTests {

	private static final Log logger = LogFactory.getLog(LeaseLogSecretsTests.class);

	private FakeKernelApi api;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("snapshots", 1).script("snapshots", 204, 503, 200);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void fullLeaseCycleLogsNoApiKeyAndNoJwt(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.pools.snapshots.acquire-timeout=10s", "kernel.pools.snapshots.poll-timeout=1s",
					"kernel.pools.snapshots.leak-detection-threshold=100ms", "logging.level.io.github.kernelboot=trace",
					"logging.level.org.springframework.web=trace", "logging.level.reactor.netty=debug",
					"logging.level.org.springframework.http=trace", "spring.main.banner-mode=off")
			.run()) {
			BrowserLeases leases = context.getBean(BrowserLeases.class);
			BrowserLease lease = leases.acquire("snapshots").block(Duration.ofSeconds(20));
			logger.info("Using " + lease + " of " + lease.browser());
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output).contains("leak detection triggered"));
			lease.release();
			StepVerifier.create(leases.acquire("missing"))
				.expectErrorSatisfies((ex) -> logger.warn("Acquire failed: " + ex.getMessage(), ex))
				.verify(Duration.ofSeconds(10));
			assertThat(this.api.releases()).hasSize(1);
		}

		assertThat(output).contains("jwt=****").contains("Retrying after").contains(NotFoundException.class.getName());
		assertThat(output).doesNotContain(FakeKernelApi.API_KEY).doesNotContain(FakeKernelApi.JWT);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
			KernelLeaseAutoConfiguration.class })
	static class Application {

	}

}
