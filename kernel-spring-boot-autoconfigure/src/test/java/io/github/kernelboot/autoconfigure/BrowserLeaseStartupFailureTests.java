package io.github.kernelboot.autoconfigure;

import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.FakeKernelApi;
import io.github.kernelboot.lease.KernelBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that an application whose injected lease cannot be acquired stops at startup with a
 * report naming the pool and the wait.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrowserLeaseStartupFailureTests {

	private FakeKernelApi api;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("busy", 0);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void leaseThatDoesNotComeStopsStartupNamingPoolAndWait(CapturedOutput output) {
		SpringApplication application = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.pools.busy.acquire-timeout=1s", "kernel.pools.busy.poll-timeout=1s",
					"spring.main.banner-mode=off")
			.build();

		assertThatException().isThrownBy(application::run);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No browser could be leased from pool 'busy' for field 'lease' of "
					+ NeedsABrowser.class.getName() + " after waiting")
			.contains("Reason: No browser from pool 'busy' after waiting")
			.contains("kernel.pools.busy.acquire-timeout")
			.doesNotContain(FakeKernelApi.API_KEY);
	}

	static class NeedsABrowser {

		@KernelBrowser("busy")
		BrowserLease lease;

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
			KernelLeaseAutoConfiguration.class })
	@Import(NeedsABrowser.class)
	static class Application {

	}

}
