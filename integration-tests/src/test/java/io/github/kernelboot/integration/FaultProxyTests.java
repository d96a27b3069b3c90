package io.github.kernelboot.integration;

import java.io.IOException;
import java.time.Duration;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.KernelException;
import io.github.kernelboot.client.RateLimitException;
import io.github.kernelboot.client.RetryPolicy;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.integration.FaultProxy.Fault;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that each fault of the {@link FaultProxy} reaches the starter's client as the fault
 * it stands for, against a real HTTP server behind it.
 */
class FaultProxyTests {

	private static final String POOL = """
			{"id": "p-1", "name": "p", "acquired_count": 0, "available_count": 1}""";

	private MockWebServer server;

	private FaultProxy proxy;

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		for (int i = 0; i < 4; i++) {
			this.server.enqueue(new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/json")
				.body(POOL)
				.build());
		}
		this.proxy = FaultProxy.start(this.server.getPort(), (index, line) -> Fault.PASS);
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.close();
		this.server.close();
	}

	@Test
	void passForwardsRequestAndResponseOverOneKeptAliveConnection() {
		KernelClient client = client();

		for (int i = 0; i < 3; i++) {
			BrowserPool pool = client.browserPools().retrieve("p").block(Duration.ofSeconds(10));
			assertThat(pool.id()).isEqualTo("p-1");
		}

		assertThat(this.proxy.requests()).isEqualTo(3);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@ParameterizedTest
	@CsvSource({ "RESET_BEFORE_REQUEST, KernelConnectionException, 0", "RESET_AFTER_REQUEST, KernelConnectionException, 1",
			"STALL_RESPONSE, KernelTimeoutException, 1", "RATE_LIMITED, RateLimitException, 0",
			"UNAVAILABLE, InternalServerException, 0", "TRUNCATED_BODY, KernelException, 1" })
	void faultReachesTheClientAsWhatItStandsFor(Fault fault, String exception, int reachedServer) {
		this.proxy.plan((index, line) -> fault);

		StepVerifier.create(client().browserPools().retrieve("p")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(KernelException.class);
			if (!exception.equals("KernelException")) {
				assertThat(ex.getClass().getSimpleName()).isEqualTo(exception);
			}
		}).verify(Duration.ofSeconds(10));

		assertThat(this.proxy.injected(fault)).isEqualTo(1);
		assertThat(this.server.getRequestCount()).isEqualTo(reachedServer);
	}

	@Test
	void rateLimitAnswerCarriesRetryAfter() {
		this.proxy.plan((index, line) -> Fault.RATE_LIMITED);

		StepVerifier.create(client().browserPools().retrieve("p"))
			.expectErrorSatisfies((ex) -> assertThat(((RateLimitException) ex).getRetryAfter())
				.isEqualTo(Duration.ofSeconds(1)))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void retriesGetPastInjectedFaults() {
		this.proxy.plan(FaultProxy.forRequests("GET /browser_pools/p",
				(match) -> (match == 0) ? Fault.UNAVAILABLE : (match == 1) ? Fault.RESET_BEFORE_REQUEST : Fault.PASS));
		KernelClient client = KernelClient.builder()
			.baseUrl(this.proxy.baseUrl())
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 0))
			.readTimeout(Duration.ofSeconds(1))
			.build();

		assertThat(client.browserPools().retrieve("p").block(Duration.ofSeconds(10)).id()).isEqualTo("p-1");
	}

	private KernelClient client() {
		return KernelClient.builder()
			.baseUrl(this.proxy.baseUrl())
			.retryPolicy(RetryPolicy.NONE)
			.readTimeout(Duration.ofSeconds(1))
			.build();
	}

}
