package io.github.kernelboot.autoconfigure;

import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.Viewport;
import io.github.kernelboot.lease.BrowserLeases;
import io.github.kernelboot.lease.FakeKernelApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of pool provisioning at startup, against a real HTTP server on loopback.
 */
class KernelPoolProvisionerTests {

	private FakeKernelApi api;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("existing", 1);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
					KernelLeaseAutoConfiguration.class))
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.pools.snapshots.provision.size=2", "kernel.pools.snapshots.provision.headless=true",
					"kernel.pools.snapshots.provision.viewport.width=1280",
					"kernel.pools.snapshots.provision.viewport.height=800",
					"kernel.pools.existing.provision.size=3");
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void createIfMissingCreatesTheMissingPoolAndLeavesTheExistingOneAlone() throws Exception {
		this.contextRunner.withPropertyValues("kernel.provisioning=create-if-missing").run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(BrowserLeases.class);
		});
		assertThat(this.api.poolBodies()).hasSize(1);
		JSONAssert.assertEquals("""
				{"name": "snapshots", "size": 2, "headless": true, "viewport": {"width": 1280, "height": 800}}
				""", this.api.poolBodies().get(0), JSONCompareMode.STRICT);
		assertThat(this.api.requestLines()).contains("GET /browser_pools/existing", "GET /browser_pools/snapshots",
				"POST /browser_pools").doesNotContain("PATCH /browser_pools/existing");
	}

	@Test
	void reconcileAlsoUpdatesAnExistingPoolThatDiffers() throws Exception {
		this.contextRunner.withPropertyValues("kernel.provisioning=reconcile")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.api.requestLines()).contains("PATCH /browser_pools/existing", "POST /browser_pools");
		JSONAssert.assertEquals("{\"name\": \"existing\", \"size\": 3, \"discard_all_idle\": false}",
				this.api.poolBodies().stream().filter((body) -> body.contains("existing")).findFirst().orElseThrow(),
				JSONCompareMode.STRICT);
	}

	@Test
	void noneTouchesNoPool() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.api.requestLines()).isEmpty();
	}

	@Test
	void failureToProvisionStopsStartupNamingThePool() {
		this.contextRunner.withPropertyValues("kernel.provisioning=create-if-missing", "kernel.api-key=wrong-key")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Kernel API answered 401");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("Could not provision pool '");
			});
	}

	@Test
	void onlyDeclaredComponentsThatDifferNeedAnUpdate() {
		BrowserPoolRequest actual = BrowserPoolRequest.builder().name("p").size(2).headless(true).fillRatePerMinute(25).build();
		assertThat(KernelPoolProvisioner.differs(BrowserPoolRequest.builder().name("p").size(2).build(), actual))
			.isFalse();
		assertThat(KernelPoolProvisioner.differs(BrowserPoolRequest.builder().size(3).build(), actual)).isTrue();
		assertThat(KernelPoolProvisioner.differs(BrowserPoolRequest.builder().stealth(true).build(), actual)).isTrue();
		assertThat(KernelPoolProvisioner.differs(BrowserPoolRequest.builder().size(2).build(), null)).isTrue();
		BrowserPoolRequest withViewport = BrowserPoolRequest.builder().viewport(new Viewport(1280, 800, 60)).build();
		assertThat(KernelPoolProvisioner.differs(BrowserPoolRequest.builder().viewport(Viewport.of(1280, 800)).build(),
				withViewport)).isFalse();
		assertThat(KernelPoolProvisioner.differs(BrowserPoolRequest.builder().viewport(Viewport.of(1024, 768)).build(),
				withViewport)).isTrue();
	}

}
