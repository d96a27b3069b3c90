package io.github.kernelboot.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.kernelboot.client.model.BrowserPool;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the retry policy against a real HTTP server on loopback. Waits are checked as
 * measured bounds between the arrivals of the attempts at the server.
 */
class RetryTests {

	private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(40), 0);

	@RegisterExtension
	final MockKernelApi api = new MockKernelApi();

	private final List<Long> arrivals = new CopyOnWriteArrayList<>();

	@Test
	void retryAfterMillisecondsIsHonoured() {
		answerFailuresThenPool(1, () -> unavailable().setHeader("retry-after-ms", "400"));

		BrowserPool pool = this.api.client(RetryPolicy.DEFAULT).browserPools().retrieve("p").block();

		assertThat(pool.id()).isEqualTo("p-1");
		assertThat(gapBetweenAttempts(0)).isBetween(Duration.ofMillis(400), Duration.ofMillis(2400));
	}

	@Test
	void retryAfterSecondsIsHonoured() {
		answerFailuresThenPool(1, () -> unavailable().setHeader("Retry-After", "1"));

		this.api.client(RetryPolicy.DEFAULT).browserPools().retrieve("p").block();

		assertThat(gapBetweenAttempts(0)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
	}

	@Test
	void retryAfterHttpDateIsHonoured() {
		answerFailuresThenPool(1, () -> unavailable().setHeader("Retry-After",
				DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3))));

		this.api.client(RetryPolicy.DEFAULT).browserPools().retrieve("p").block();

		// The date has whole seconds: 3 s ahead is between 2 and 3 s away when it is read.
		assertThat(gapBetweenAttempts(0)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(5000));
	}

	@Test
	void retryAfterLongerThanSixtySecondsFallsBackToTheBackoff() {
		answerFailuresThenPool(1, () -> unavailable().setHeader("Retry-After", "3600"));

		this.api.client(FAST).browserPools().retrieve("p").block();

		assertThat(gapBetweenAttempts(0)).isLessThan(Duration.ofSeconds(2));
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409, 429, 500, 502, 503 })
	void retryableStatusesAreSentAgain(int status) {
		answerFailuresThenPool(2, () -> new MockResponse.Builder().code(status));

		assertThat(this.api.client(FAST).browserPools().retrieve("p").block().id()).isEqualTo("p-1");
		assertThat(this.api.requestCount()).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 422 })
	void otherStatusesAreNotSentAgain(int status) {
		answerFailuresThenPool(1, () -> new MockResponse.Builder().code(status));

		ErrorMappingTests.failure(this.api.client(FAST).browserPools().retrieve("p"), KernelApiException.class);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void xShouldRetryFalseStopsARetryableStatus() {
		answerFailuresThenPool(1, () -> unavailable().setHeader("x-should-retry", "false"));

		ErrorMappingTests.failure(this.api.client(FAST).browserPools().retrieve("p"), InternalServerException.class);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void xShouldRetryTrueRetriesAnotherwiseFinalStatus() {
		answerFailuresThenPool(1, () -> new MockResponse.Builder().code(400).setHeader("x-should-retry", "true"));

		assertThat(this.api.client(FAST).browserPools().retrieve("p").block().id()).isEqualTo("p-1");
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void retriesStopAfterMaxRetries() {
		answerFailuresThenPool(10, RetryTests::unavailable);

		ErrorMappingTests.failure(this.api.client(FAST).browserPools().retrieve("p"), InternalServerException.class);
		assertThat(this.api.requestCount()).isEqualTo(3);
	}

	@Test
	void backoffDoublesFromHalfASecondUpToEightSecondsMinusJitter() {
		Throwable failure = new KernelConnectionException("GET", "/x", new java.io.IOException("reset"));
		long[] expected = { 500, 1000, 2000, 4000, 8000, 8000 };
		for (int retry = 0; retry < expected.length; retry++) {
			for (int sample = 0; sample < 50; sample++) {
				assertThat(RetryPolicy.DEFAULT.delayBefore(retry, failure).toMillis())
					.isBetween(Math.round(expected[retry] * 0.75), expected[retry]);
			}
		}
	}

	private void answerFailuresThenPool(int failures, Supplier<MockResponse.Builder> failure) {
		AtomicInteger count = new AtomicInteger();
		this.api.dispatch((request) -> {
			this.arrivals.add(System.nanoTime());
			return (count.getAndIncrement() < failures) ? failure.get().build()
					: new MockResponse.Builder().code(200)
						.setHeader("Content-Type", "application/json")
						.body(MockKernelApi.poolJson("p-1", "p"))
						.build();
		});
	}

	private Duration gapBetweenAttempts(int index) {
		return Duration.ofNanos(this.arrivals.get(index + 1) - this.arrivals.get(index));
	}

	private static MockResponse.Builder unavailable() {
		return new MockResponse.Builder().code(503)
			.setHeader("Content-Type", "application/json")
			.body("{\"code\": \"unavailable\", \"message\": \"try again\"}");
	}

}
