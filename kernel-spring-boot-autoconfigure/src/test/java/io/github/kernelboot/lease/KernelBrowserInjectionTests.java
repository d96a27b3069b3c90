package io.github.kernelboot.lease;

import java.util.List;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link KernelBrowser @KernelBrowser} injection in a real Spring context, against a
 * real HTTP server on loopback.
 */
class KernelBrowserInjectionTests {

	private FakeKernelApi api;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("snapshots", 5).pool("reports", 5);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, KernelAutoConfiguration.class,
					KernelLeaseAutoConfiguration.class))
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.pools.snapshots.acquire-timeout=3s", "kernel.pools.snapshots.poll-timeout=1s",
					"kernel.pools.reports.acquire-timeout=3s", "kernel.pools.reports.poll-timeout=1s");
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void constructorParameterGetsALeaseFromTheNamedPool() {
		this.contextRunner.withUserConfiguration(ConstructorInjected.class).run((context) -> {
			BrowserLease lease = context.getBean(ConstructorInjected.class).lease;
			assertThat(lease.pool()).isEqualTo("reports");
			assertThat(lease.sessionId()).startsWith("reports-s");
			assertThat(lease.isReleased()).isFalse();
		});
	}

	@Test
	void fieldGetsALeaseFromTheNamedPool() {
		this.contextRunner.withUserConfiguration(FieldInjected.class).run((context) -> {
			FieldInjected bean = context.getBean(FieldInjected.class);
			assertThat(bean.lease.pool()).isEqualTo("snapshots");
			assertThat(bean.other.pool()).isEqualTo("reports");
			assertThat(bean.lease.sessionId()).isNotEqualTo(bean.other.sessionId());
		});
	}

	@Test
	void beanMethodParameterGetsALease() {
		this.contextRunner.withUserConfiguration(BeanMethodInjected.class)
			.run((context) -> assertThat(context.getBean(Holder.class).lease().pool()).isEqualTo("snapshots"));
	}

	@Test
	void annotationWithoutValueUsesTheDefaultPool() {
		this.contextRunner.withUserConfiguration(DefaultPoolInjected.class)
			.withPropertyValues("kernel.default-pool=reports")
			.run((context) -> assertThat(context.getBean(DefaultPoolInjected.class).lease.pool()).isEqualTo("reports"));
	}

	@Test
	void annotationWithoutValueAndNoDefaultPoolFailsNamingTheProperty() {
		this.contextRunner.withUserConfiguration(DefaultPoolInjected.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("without naming a pool, and kernel.default-pool is not set");
		});
	}

	@Test
	void everyInjectedLeaseIsReleasedExactlyOnceWhenTheContextCloses() {
		List<String> acquired = new java.util.ArrayList<>();
		this.contextRunner.withUserConfiguration(FieldInjected.class, ConstructorInjected.class).run((context) -> {
			FieldInjected fields = context.getBean(FieldInjected.class);
			acquired.addAll(List.of(fields.lease.sessionId(), fields.other.sessionId(),
					context.getBean(ConstructorInjected.class).lease.sessionId()));
			// Closing one early, twice, from the user's side: still one release request.
			fields.other.close();
			fields.other.close();
			assertThat(this.api.releases()).hasSize(1);
		});
		assertThat(FakeKernelApi.sessionIds(this.api.releases())).containsExactlyInAnyOrderElementsOf(acquired);
	}

	@Test
	void releaseSendsThePoolsReuseSetting() {
		this.contextRunner.withUserConfiguration(ConstructorInjected.class)
			.withPropertyValues("kernel.pools.reports.release-reuse=false")
			.run((context) -> context.getBean(ConstructorInjected.class).lease.release());
		assertThat(this.api.releases()).singleElement().satisfies((release) -> assertThat(release.reuse()).isFalse());
	}

	static class FieldInjected {

		@KernelBrowser("snapshots")
		BrowserLease lease;

		@KernelBrowser("reports")
		BrowserLease other;

	}

	static class ConstructorInjected {

		final BrowserLease lease;

		ConstructorInjected(@KernelBrowser("reports") BrowserLease lease) {
			this.lease = lease;
		}

	}

	static class DefaultPoolInjected {

		@KernelBrowser
		BrowserLease lease;

	}

	record Holder(BrowserLease lease) {

	}

	@Configuration(proxyBeanMethods = false)
	static class BeanMethodInjected {

		@Bean
		Holder holder(@KernelBrowser("snapshots") BrowserLease lease) {
			return new Holder(lease);
		}

	}

}
