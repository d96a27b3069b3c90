package io.github.kernelboot.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.Browser;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of acquiring from a pool by long polling, against a real HTTP server on loopback.
 */
class AcquireTests {

	@RegisterExtension
	final MockKernelApi api = new MockKernelApi();

	private final List<AcquireRetryReason> retries = new CopyOnWriteArrayList<>();

	private final AcquireOptions options = AcquireOptions.defaults()
		.withAcquireTimeout(Duration.ofSeconds(30))
		.withPollTimeout(Duration.ofSeconds(7))
		.withListener((pool, reason) -> this.retries.add(reason));

	@Test
	void twoNoContentPollsThenOkGivesTheBrowserAfterThreePolls() throws Exception {
		this.api.enqueueStatus(204);
		this.api.enqueueStatus(204);
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));

		Browser browser = this.api.client().browserPools().acquire("snapshots", this.options).block();

		assertThat(browser.sessionId()).isEqualTo("s-1");
		assertThat(this.api.requestCount()).isEqualTo(3);
		assertThat(this.retries).containsExactly(AcquireRetryReason.NO_CONTENT, AcquireRetryReason.NO_CONTENT);
		for (int i = 0; i < 3; i++) {
			RecordedRequest poll = this.api.takeRequest();
			assertThat(poll.getMethod()).isEqualTo("POST");
			assertThat(poll.getTarget()).isEqualTo("/browser_pools/snapshots/acquire");
			JSONAssert.assertEquals("{\"acquire_timeout_seconds\": 7}", poll.getBody().utf8(), JSONCompareMode.LENIENT);
		}
	}

	@Test
	void pollBodyCarriesNameStartUrlAndTags() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));
		AcquireRequest request = new AcquireRequest(null, "job-7", "https://example.com",
				java.util.Map.of("job", "7"));

		this.api.client().browserPools().acquire("snapshots", this.options.withRequest(request)).block();

		JSONAssert.assertEquals("""
				{"acquire_timeout_seconds": 7, "name": "job-7", "start_url": "https://example.com", "tags": {"job": "7"}}
				""", this.api.takeRequest().getBody().utf8(), JSONCompareMode.LENIENT);
	}

	@Test
	void pollAsksTheServerToHoldItNoLongerThanWhatIsLeftOfTheDeadline() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));

		this.api.client()
			.browserPools()
			.acquire("snapshots", this.options.withAcquireTimeout(Duration.ofMillis(2500)))
			.block();

		JSONAssert.assertEquals("{\"acquire_timeout_seconds\": 3}", this.api.takeRequest().getBody().utf8(),
				JSONCompareMode.LENIENT);
	}

	@Test
	void deadlinePassingGivesAcquireTimeoutExceptionNamingPoolWaitAndPolls() {
		this.api.dispatch((request) -> new MockResponse.Builder().code(204)
			.headersDelay(300, TimeUnit.MILLISECONDS)
			.build());

		StepVerifier
			.create(this.api.client()
				.browserPools()
				.acquire("snapshots", this.options.withAcquireTimeout(Duration.ofSeconds(1))))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(AcquireTimeoutException.class);
				AcquireTimeoutException timeout = (AcquireTimeoutException) ex;
				assertThat(timeout.getPool()).isEqualTo("snapshots");
				assertThat(timeout.getWaited()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
				assertThat(timeout.getPolls()).isEqualTo(this.api.requestCount()).isPositive();
				assertThat(timeout).hasMessageContaining("pool 'snapshots'")
					.hasMessageContaining("(" + timeout.getPolls() + " poll");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void deadlineHoldsWhenAPollStalls() {
		this.api.dispatch((request) -> new MockResponse.Builder().code(204).headersDelay(10, TimeUnit.SECONDS).build());
		long started = System.nanoTime();

		StepVerifier
			.create(this.api.client()
				.browserPools()
				.acquire("snapshots", this.options.withAcquireTimeout(Duration.ofSeconds(1))
					.withPollTimeout(Duration.ofSeconds(1))))
			.expectError(AcquireTimeoutException.class)
			.verify(Duration.ofSeconds(8));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void afterCancelPollsAcquiresFailAtOnceUntilResumed() {
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));
		BrowserPoolsApi pools = this.api.client().browserPools();

		pools.cancelPolls();

		StepVerifier.create(pools.acquire("snapshots", this.options))
			.expectError(AcquireCancelledException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.api.requestCount()).isZero();
		pools.resumePolls();
		assertThat(pools.acquire("snapshots", this.options).block(Duration.ofSeconds(5)).sessionId()).isEqualTo("s-1");
	}

	@Test
	void cancellingDuringAPollReleasesTheBrowserThatArrivesLate() throws Exception {
		this.api.dispatch((request) -> request.getTarget().endsWith("/acquire")
				? new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "application/json")
					.body(MockKernelApi.browserJson("late-1"))
					.headersDelay(800, TimeUnit.MILLISECONDS)
					.build()
				: new MockResponse.Builder().code(204).build());

		Disposable subscription = this.api.client().browserPools().acquire("snapshots", this.options).subscribe();
		RecordedRequest poll = this.api.takeRequest();
		assertThat(poll.getTarget()).isEqualTo("/browser_pools/snapshots/acquire");
		subscription.dispose();

		RecordedRequest release = this.api.takeRequest();
		assertThat(release.getTarget()).isEqualTo("/browser_pools/snapshots/release");
		JSONAssert.assertEquals("{\"session_id\": \"late-1\", \"reuse\": true}", release.getBody().utf8(),
				JSONCompareMode.STRICT);
	}

	@Test
	void cancelPollsEndsAPollWhoseSubscriberHadAlreadyCancelled() throws Exception {
		this.api.dispatch((request) -> request.getTarget().endsWith("/acquire")
				? new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "application/json")
					.body(MockKernelApi.browserJson("late-1"))
					.headersDelay(800, TimeUnit.MILLISECONDS)
					.build()
				: new MockResponse.Builder().code(204).build());
		BrowserPoolsApi pools = this.api.client().browserPools();
		Disposable subscription = pools.acquire("snapshots", this.options).subscribe();
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browser_pools/snapshots/acquire");
		subscription.dispose();

		pools.cancelPolls();

		// Left running, the poll would get its browser after 0.8 s and release it, after the
		// shutdown this stands for had released everything else.
		this.api.assertNoRequestWithin(Duration.ofSeconds(3));
	}

	@Test
	void tryAcquireSendsTheDefaultPollTimeWhenTheRequestNamesNone() throws Exception {
		this.api.enqueueStatus(204);

		this.api.client().browserPools().tryAcquire("snapshots", new AcquireRequest(null, "checkout", null, null)).block();

		JSONAssert.assertEquals("{\"acquire_timeout_seconds\": 20, \"name\": \"checkout\"}",
				this.api.takeRequest().getBody().utf8(), JSONCompareMode.LENIENT);
	}

	@Test
	void pollMayTakeLongerThanTheReadTimeoutBecauseTheServerHoldsIt() {
		// read timeout 1 s; the server holds this poll (1 s asked) for 1.5 s: within 1 s + 1 s.
		this.api.dispatch((request) -> new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body(MockKernelApi.browserJson("s-1"))
			.headersDelay(1500, TimeUnit.MILLISECONDS)
			.build());

		Browser browser = this.api.client(RetryPolicy.NONE, Duration.ofSeconds(1))
			.browserPools()
			.acquire("snapshots", this.options.withPollTimeout(Duration.ofSeconds(1)))
			.block();

		assertThat(browser.sessionId()).isEqualTo("s-1");
	}

	@Test
	void otherCallsTimeOutAfterTheReadTimeout() {
		this.api.dispatch((request) -> new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body(MockKernelApi.poolJson("p-1", "snapshots"))
			.headersDelay(1500, TimeUnit.MILLISECONDS)
			.build());

		StepVerifier.create(this.api.client(RetryPolicy.NONE, Duration.ofSeconds(1)).browserPools().retrieve("snapshots"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(KernelTimeoutException.class)
				.hasMessage("No answer from the Kernel API to GET /browser_pools/snapshots within 1000 ms"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void failedPollsAreRetriedAndCountedByReason() {
		this.api.enqueueJson(503, "{\"code\": \"unavailable\", \"message\": \"try later\"}");
		this.api.enqueueJson(429, "{\"code\": \"rate_limited\", \"message\": \"slow down\"}");
		this.api.enqueueStatus(204);
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));
		RetryPolicy fast = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 0);

		Browser browser = this.api.client(fast).browserPools().acquire("snapshots", this.options).block();

		assertThat(browser.sessionId()).isEqualTo("s-1");
		assertThat(this.retries).containsExactly(AcquireRetryReason.SERVER_ERROR, AcquireRetryReason.RATE_LIMITED,
				AcquireRetryReason.NO_CONTENT);
	}

	@Test
	void acquireFailsWithTheTypedErrorWhenRetriesRunOut() {
		this.api.dispatch((request) -> new MockResponse.Builder().code(500)
			.setHeader("Content-Type", "application/json")
			.body("{\"code\": \"internal\", \"message\": \"boom\"}")
			.build());
		RetryPolicy fast = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 0);

		StepVerifier.create(this.api.client(fast).browserPools().acquire("snapshots", this.options))
			.expectError(InternalServerException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(this.api.requestCount()).isEqualTo(3);
	}

	@Test
	void eachPollCarriesAFreshAcquireIdTag() throws Exception {
		this.api.enqueueStatus(204);
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));

		this.api.client().browserPools().acquire("snapshots", this.options).block();

		String first = acquireId(this.api.takeRequest());
		String second = acquireId(this.api.takeRequest());
		assertThat(first).isNotBlank().isNotEqualTo(second);
	}

	@Test
	void lostAnswerIsRecoveredByItsTagInsteadOfLeasingASecondBrowser() {
		AtomicReference<String> lostId = new AtomicReference<>();
		this.api.dispatch((request) -> {
			if (request.getTarget().endsWith("/acquire")) {
				lostId.set(acquireId(request));
				// The server leased a browser, but the connection broke before the answer.
				return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
			}
			return new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/json")
				.setHeader("X-Has-More", "false")
				.body("[" + MockKernelApi.browserJson("other") + ", " + MockKernelApi.browserJson("lost-1")
					.replace("\"timeout_seconds\": 600", "\"timeout_seconds\": 600, \"tags\": {\""
							+ BrowserPoolsApi.ACQUIRE_ID_TAG + "\": \"" + lostId.get() + "\"}") + "]")
				.build();
		});

		Browser browser = this.api.client(RetryPolicy.DEFAULT).browserPools().acquire("snapshots", this.options).block();

		assertThat(browser.sessionId()).isEqualTo("lost-1");
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void lostAnswerWithoutATaggedBrowserIsSentAgain() {
		AtomicInteger acquires = new AtomicInteger();
		this.api.dispatch((request) -> {
			if (request.getTarget().endsWith("/acquire")) {
				return (acquires.incrementAndGet() == 1)
						? new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build()
						: new MockResponse.Builder().code(200)
							.setHeader("Content-Type", "application/json")
							.body(MockKernelApi.browserJson("s-2"))
							.build();
			}
			return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("[]").build();
		});
		RetryPolicy fast = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 0);

		Browser browser = this.api.client(fast).browserPools().acquire("snapshots", this.options).block();

		assertThat(browser.sessionId()).isEqualTo("s-2");
		assertThat(acquires).hasValue(2);
		assertThat(this.retries).containsExactly(AcquireRetryReason.IO);
	}

	private static String acquireId(RecordedRequest request) {
		return JsonMapper.shared().readTree(request.getBody().utf8()).path("tags").path(BrowserPoolsApi.ACQUIRE_ID_TAG)
			.asString();
	}

	@Test
	void tryAcquireGivesNoBrowserYetOnNoContentAndAcquiredOnOk() {
		this.api.enqueueStatus(204);
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));
		BrowserPoolsApi pools = this.api.client().browserPools();

		assertThat(pools.tryAcquire("snapshots").block()).isInstanceOf(AcquireOutcome.NoBrowserYet.class);
		AcquireOutcome outcome = pools.tryAcquire("snapshots").block();

		assertThat(outcome).isInstanceOfSatisfying(AcquireOutcome.Acquired.class,
				(acquired) -> assertThat(acquired.browser().sessionId()).isEqualTo("s-1"));
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

}
