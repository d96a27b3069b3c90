package io.github.kernelboot.sample;


import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the answer when no browser is free: a pool of one, held by the startup lease, and a
 * short acquire timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kernel.pools.snapshots.provision.size=1", "kernel.pools.snapshots.acquire-timeout=1s",
				"kernel.pools.snapshots.poll-timeout=1s" })
@AutoConfigureWebTestClient(timeout = "30s")
class NoFreeBrowserTests extends KernelLocalTestSupport {

	@Autowired
	WebTestClient client;

	@Test
	void acquireTimeoutIsAnswered503WithRetryAfter() {
		this.client.get()
			.uri("/title?url={url}", "https://example.com")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(SnapshotController.RETRY_AFTER.toSeconds()))
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail)
				.startsWith("No browser is free right now: No browser from pool 'snapshots' after waiting"));
	}

}
