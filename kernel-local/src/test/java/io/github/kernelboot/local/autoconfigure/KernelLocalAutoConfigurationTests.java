package io.github.kernelboot.local.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import io.github.kernelboot.autoconfigure.MissingKernelApiKeyException;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.BrowserLeases;
import io.github.kernelboot.lease.KernelBrowser;
import io.github.kernelboot.local.ChromiumProcesses;
import io.github.kernelboot.local.KernelLocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link KernelLocalAutoConfiguration} in a real Spring context with real Chromium.
 */
class KernelLocalAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelLocalAutoConfiguration.class,
				KernelAutoConfiguration.class, KernelLeaseAutoConfiguration.class))
		.withPropertyValues("kernel.local.time-scale=0.01", "kernel.pools.snapshots.provision.size=1",
				"kernel.pools.snapshots.acquire-timeout=30s", "kernel.pools.snapshots.poll-timeout=5s");

	@Test
	void withoutAnApiKeyItStartsProvisionsAndServesLeasesThenStopsLeavingNoChromium() {
		AtomicReference<Path> workDirectory = new AtomicReference<>();
		this.contextRunner.run((context) -> {
			KernelLocalServer server = context.getBean(KernelLocalServer.class);
			workDirectory.set(server.workDirectory());
			KernelClient client = context.getBean(KernelClient.class);
			assertThat(client.getBaseUrl()).isEqualTo(server.baseUrl());
			BrowserLease lease = context.getBean(BrowserLeases.class).acquire("snapshots").block(Duration.ofSeconds(60));
			assertThat(lease.cdpWsUrl()).startsWith("ws://127.0.0.1:" + server.port() + "/");
			assertThat(ChromiumProcesses.under(workDirectory.get())).isNotEmpty();
		});
		assertThat(ChromiumProcesses.under(workDirectory.get())).isEmpty();
	}

	@Test
	void injectedLeasesAreReleasedBeforeTheServerStops() {
		AtomicInteger acquiredAtDestroy = new AtomicInteger(-1);
		this.contextRunner.withUserConfiguration(NeedsABrowser.class)
			.withBean(PoolWatcher.class, (Object[]) new Object[] { acquiredAtDestroy })
			.run((context) -> assertThat(context.getBean(NeedsABrowser.class).lease.isReleased()).isFalse());
		assertThat(acquiredAtDestroy).hasValue(0);
	}

	@Test
	void configuredApiKeyLeavesItOff() {
		this.contextRunner.withPropertyValues("kernel.api-key=sk_live_configured")
			.run((context) -> assertThat(context).doesNotHaveBean(KernelLocalServer.class));
	}

	@Test
	void kernelApiKeyEnvironmentVariableLeavesItOff() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("KERNEL_API_KEY", "sk_live_from_env"))))
			.run((context) -> assertThat(context).doesNotHaveBean(KernelLocalServer.class));
	}

	@Test
	void explicitBaseUrlLeavesItOff() {
		this.contextRunner.withPropertyValues("kernel.base-url=http://127.0.0.1:8089")
			.run((context) -> assertThat(context).doesNotHaveBean(KernelLocalServer.class));
	}

	@Test
	void enabledTrueStartsItEvenWithAnApiKey() {
		this.contextRunner.withPropertyValues("kernel.api-key=sk_live_configured", "kernel.local.enabled=true")
			.run((context) -> assertThat(context.getBean(KernelClient.class).getBaseUrl())
				.isEqualTo(context.getBean(KernelLocalServer.class).baseUrl()));
	}

	@ParameterizedTest
	@CsvSource({ "kernel.local.port, 70000, port must be between 0 and 65535",
			"kernel.local.time-scale, 0, time scale must be a positive number",
			"kernel.local.idle-check-period, 0s, idleCheckPeriod must be positive" })
	void badValueStopsStartupNamingTheProperty(String property, String value, String reason) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property " + property + " with value ")
				.hasMessageContaining(reason);
		});
	}

	@Test
	void enabledFalseLeavesItOffAndTheCloudNeedsAKey() {
		this.contextRunner.withPropertyValues("kernel.local.enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingKernelApiKeyException.class);
		});
	}

	@Test
	void declaredPoolsAreProvisionedWithTheirConfiguration() {
		this.contextRunner.withPropertyValues("kernel.pools.snapshots.provision.viewport.width=1024",
				"kernel.pools.snapshots.provision.viewport.height=768")
			.run((context) -> {
				BrowserPool pool = context.getBean(KernelClient.class).browserPools().retrieve("snapshots").block();
				assertThat(pool.browserPoolConfig().size()).isEqualTo(1);
				assertThat(pool.browserPoolConfig().viewport().width()).isEqualTo(1024);
			});
	}

	static class NeedsABrowser {

		@KernelBrowser("snapshots")
		BrowserLease lease;

	}

	/**
	 * Destroyed before the server it depends on: sees what the server has when the leases
	 * should already be back.
	 */
	static class PoolWatcher implements DisposableBean {

		private final AtomicInteger acquiredAtDestroy;

		private final KernelClient client;

		PoolWatcher(AtomicInteger acquiredAtDestroy, KernelClient client, KernelLocalServer server) {
			this.acquiredAtDestroy = acquiredAtDestroy;
			this.client = client;
		}

		@Override
		public void destroy() {
			this.acquiredAtDestroy.set(this.client.browserPools().retrieve("snapshots").block().acquiredCount());
		}

	}

}
