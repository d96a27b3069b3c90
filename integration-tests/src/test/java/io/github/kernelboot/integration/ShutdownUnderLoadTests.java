package io.github.kernelboot.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.kernelboot.client.AcquireCancelledException;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.lease.BrowserLease;
import io.github.kernelboot.lease.BrowserLeases;
import io.github.kernelboot.local.KernelLocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closes an application while it holds every browser of a pool and more acquires wait, on real
 * Chromium in kernel-local: the held leases are released, the waiting acquires end without
 * being handed a browser, nothing stays leased, and it all takes a bounded time.
 */
class ShutdownUnderLoadTests {

	/** What the shutdown may take here: releases are answered in milliseconds. */
	private static final Duration BOUND = Duration.ofSeconds(5);

	private KernelLocalServer server;

	private KernelClient direct;

	@BeforeEach
	void start() {
		this.server = KernelLocalServer.builder().timeScale(0.05).build();
		this.server.start();
		this.direct = KernelClient.builder().baseUrl(this.server.baseUrl()).apiKey(this.server.apiKey()).build();
		this.direct.browserPools().create(BrowserPoolRequest.builder().name("busy").size(2).build()).block();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.direct.browserPools().retrieve("busy").block().availableCount() == 2);
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void closingWhileLeasesAreHeldAndAcquiresWaitLosesNoBrowser() {
		ConfigurableApplicationContext context = StarterApplications.run(this.server.baseUrl(), this.server.apiKey(),
				"kernel.pools.busy.acquire-timeout=60s", "kernel.pools.busy.poll-timeout=30s");
		BrowserLeases leases = context.getBean(BrowserLeases.class);
		List<BrowserLease> held = new ArrayList<>();
		held.add(leases.acquire("busy").block(Duration.ofSeconds(30)));
		held.add(leases.acquire("busy").block(Duration.ofSeconds(30)));
		List<Object> waitingOutcomes = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 4; i++) {
			leases.acquire("busy").subscribe(waitingOutcomes::add, waitingOutcomes::add);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.server.waitingAcquires("busy") == 4);

		long started = System.nanoTime();
		context.close();
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(took).isLessThan(BOUND);
		assertThat(held).allSatisfy((lease) -> assertThat(lease.isReleased()).isTrue());
		await().atMost(Duration.ofSeconds(5)).until(() -> waitingOutcomes.size() == 4);
		assertThat(waitingOutcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(AcquireCancelledException.class));
		assertThat(this.server.waitingAcquires("busy")).isZero();
		BrowserPool pool = this.direct.browserPools().retrieve("busy").block();
		assertThat(pool.acquiredCount()).isZero();
		assertThat(pool.availableCount()).isEqualTo(2);
	}

}
