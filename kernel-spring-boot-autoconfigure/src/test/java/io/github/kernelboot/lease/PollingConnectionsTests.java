package io.github.kernelboot.lease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.kernelboot.autoconfigure.KernelAutoConfiguration;
import io.github.kernelboot.autoconfigure.KernelLeaseAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that acquire polls have connections of their own: however many acquires wait, a
 * release still gets a connection at once.
 */
class PollingConnectionsTests {

	private FakeKernelApi api;

	@BeforeEach
	void start() throws Exception {
		this.api = new FakeKernelApi().pool("snapshots", 1);
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void releaseIsNotKeptWaitingByPollsThatHoldEveryPollingConnection() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, KernelAutoConfiguration.class, KernelLeaseAutoConfiguration.class))
			.withPropertyValues("kernel.base-url=" + this.api.baseUrl(), "kernel.api-key=" + FakeKernelApi.API_KEY,
					"kernel.max-polling-connections=2", "kernel.pools.snapshots.acquire-timeout=20s",
					"kernel.pools.snapshots.poll-timeout=5s")
			.run((context) -> {
				BrowserLeases leases = context.getBean(BrowserLeases.class);
				BrowserLease held = leases.acquire("snapshots").block(Duration.ofSeconds(10));
				List<Disposable> waiting = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					waiting.add(leases.acquire("snapshots").subscribe());
				}
				// Two polls take both polling connections; the server holds them for 5 s.
				await().atMost(Duration.ofSeconds(5)).until(() -> this.api.acquiresOf("snapshots") == 3);

				long started = System.nanoTime();
				held.release();
				Duration releaseTook = Duration.ofNanos(System.nanoTime() - started);

				assertThat(releaseTook).isLessThan(Duration.ofSeconds(3));
				assertThat(this.api.acquiresOf("snapshots")).isEqualTo(3);
				waiting.forEach(Disposable::dispose);
			});
	}

}
