package io.github.kernelboot.client;

import java.time.Duration;
import java.util.List;

import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserPoolUpdate;
import io.github.kernelboot.client.model.ExtensionSelection;
import io.github.kernelboot.client.model.ProfileSelection;
import io.github.kernelboot.client.model.ReleaseRequest;
import io.github.kernelboot.client.model.Viewport;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the pool management calls of {@link BrowserPoolsApi} against a real HTTP server on
 * loopback. Acquire has {@link AcquireTests} of its own.
 */
class BrowserPoolsApiTests {

	@RegisterExtension
	final MockKernelApi api = new MockKernelApi();

	@Test
	void createPostsTheWholeConfiguration() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.poolJson("p-1", "snapshots"));
		BrowserPoolRequest request = BrowserPoolRequest.builder()
			.name("snapshots")
			.size(3)
			.fillRatePerMinute(50)
			.timeoutSeconds(600)
			.headless(true)
			.stealth(false)
			.kioskMode(false)
			.profile(ProfileSelection.byId("pr-1"))
			.extensions(List.of(ExtensionSelection.byName("adblock")))
			.proxyId("px")
			.viewport(new Viewport(1280, 800, 60))
			.startUrl("https://example.com")
			.build();

		BrowserPool pool = this.api.client().browserPools().create(request).block();

		assertThat(pool.id()).isEqualTo("p-1");
		assertThat(pool.acquiredCount()).isEqualTo(1);
		assertThat(pool.availableCount()).isEqualTo(2);
		assertThat(pool.browserPoolConfig().size()).isEqualTo(3);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/browser_pools");
		JSONAssert.assertEquals("""
				{"name": "snapshots", "size": 3, "fill_rate_per_minute": 50, "timeout_seconds": 600,
				 "headless": true, "stealth": false, "kiosk_mode": false, "profile": {"id": "pr-1"},
				 "extensions": [{"name": "adblock"}], "proxy_id": "px",
				 "viewport": {"width": 1280, "height": 800, "refresh_rate": 60}, "start_url": "https://example.com"}
				""", recorded.getBody().utf8(), JSONCompareMode.STRICT);
	}

	@Test
	void retrieveGetsThePoolByName() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.poolJson("p-1", "snapshots"));

		BrowserPool pool = this.api.client().browserPools().retrieve("snapshots").block();

		assertThat(pool.name()).isEqualTo("snapshots");
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(recorded.getTarget()).isEqualTo("/browser_pools/snapshots");
	}

	@Test
	void listPassesNameAndQueryAndFollowsPages() throws Exception {
		this.api.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.setHeader("X-Has-More", "true")
			.setHeader("X-Next-Offset", "1")
			.body("[" + MockKernelApi.poolJson("p-1", "snap-a") + "]")
			.build());
		this.api.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.setHeader("X-Has-More", "false")
			.setHeader("X-Next-Offset", "0")
			.body("[" + MockKernelApi.poolJson("p-2", "snap-b") + "]")
			.build());

		List<String> names = this.api.client()
			.browserPools()
			.list(PoolListQuery.nameContaining("snap").withPageSize(1))
			.map(BrowserPool::name)
			.collectList()
			.block();

		assertThat(names).containsExactly("snap-a", "snap-b");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browser_pools?offset=0&limit=1&query=snap");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browser_pools?offset=1&limit=1&query=snap");
	}

	@Test
	void listByExactNameSendsName() throws Exception {
		this.api.enqueueJson(200, "[]");

		assertThat(this.api.client().browserPools().list(PoolListQuery.named("snapshots")).collectList().block())
			.isEmpty();

		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browser_pools?offset=0&name=snapshots");
	}

	@Test
	void updatePatchesOnlyTheChangesAndDiscardAllIdle() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.poolJson("p-1", "snapshots"));

		this.api.client()
			.browserPools()
			.update("snapshots", new BrowserPoolUpdate(BrowserPoolRequest.builder().size(5).build(), true))
			.block();

		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("PATCH");
		assertThat(recorded.getTarget()).isEqualTo("/browser_pools/snapshots");
		JSONAssert.assertEquals("{\"size\": 5, \"discard_all_idle\": true}", recorded.getBody().utf8(),
				JSONCompareMode.STRICT);
	}

	@Test
	void deleteSendsForceInTheBody() throws Exception {
		this.api.enqueueStatus(204);
		this.api.enqueueStatus(204);

		this.api.client().browserPools().delete("snapshots").block();
		this.api.client().browserPools().delete("snapshots", true).block();

		RecordedRequest plain = this.api.takeRequest();
		assertThat(plain.getMethod()).isEqualTo("DELETE");
		assertThat(plain.getTarget()).isEqualTo("/browser_pools/snapshots");
		JSONAssert.assertEquals("{\"force\": false}", plain.getBody().utf8(), JSONCompareMode.STRICT);
		JSONAssert.assertEquals("{\"force\": true}", this.api.takeRequest().getBody().utf8(), JSONCompareMode.STRICT);
	}

	@Test
	void releasePostsSessionIdAndReuse() throws Exception {
		this.api.enqueueStatus(204);
		this.api.enqueueStatus(200);

		this.api.client().browserPools().release("snapshots", new ReleaseRequest("s-1", false)).block();
		this.api.client().browserPools().release("snapshots", "s-2").block();

		RecordedRequest first = this.api.takeRequest();
		assertThat(first.getMethod()).isEqualTo("POST");
		assertThat(first.getTarget()).isEqualTo("/browser_pools/snapshots/release");
		JSONAssert.assertEquals("{\"session_id\": \"s-1\", \"reuse\": false}", first.getBody().utf8(),
				JSONCompareMode.STRICT);
		JSONAssert.assertEquals("{\"session_id\": \"s-2\"}", this.api.takeRequest().getBody().utf8(),
				JSONCompareMode.STRICT);
	}

	@Test
	void leaseReleaseIsRetriedLongerThanOtherCalls() {
		for (int i = 0; i < 4; i++) {
			this.api.enqueueJson(503, "{\"code\": \"unavailable\", \"message\": \"busy\"}");
		}
		this.api.enqueueStatus(204);

		this.api.client(FAST).browserPools().release("snapshots", leased("s-1", "acq-1"), true)
			.block(Duration.ofSeconds(10));

		assertThat(this.api.requestCount()).isEqualTo(5);
	}

	@Test
	void lostLeaseReleaseIsSentAgainWhileTheSessionStillCarriesItsAcquireTag() throws Exception {
		this.api.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		this.api.enqueueJson(200, session("s-1", "acq-1"));
		this.api.enqueueStatus(204);

		this.api.client(FAST).browserPools().release("snapshots", leased("s-1", "acq-1"), false)
			.block(Duration.ofSeconds(10));

		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browser_pools/snapshots/release");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browsers/s-1");
		RecordedRequest again = this.api.takeRequest();
		assertThat(again.getTarget()).isEqualTo("/browser_pools/snapshots/release");
		JSONAssert.assertEquals("{\"session_id\": \"s-1\", \"reuse\": false}", again.getBody().utf8(),
				JSONCompareMode.STRICT);
	}

	@Test
	void lostLeaseReleaseOfASessionLeasedToSomeoneElseSinceIsNotSentAgain() {
		this.api.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		this.api.enqueueJson(200, session("s-1", "acq-2"));

		this.api.client(FAST).browserPools().release("snapshots", leased("s-1", "acq-1"), true)
			.block(Duration.ofSeconds(10));

		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void lostLeaseReleaseOfASessionNoLongerLeasedIsDone() {
		this.api.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		this.api.enqueueJson(404, "{\"code\": \"not_found\", \"message\": \"no session s-1\"}");

		this.api.client(FAST).browserPools().release("snapshots", leased("s-1", "acq-1"), true)
			.block(Duration.ofSeconds(10));

		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void plainReleaseDoesNotSendAgainARequestWhoseAnswerWasLost() {
		this.api.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

		ErrorMappingTests.failure(this.api.client(FAST).browserPools().release("snapshots", "s-1"),
				KernelConnectionException.class);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void plainReleaseRetriesAnswersOfTheServer() {
		this.api.enqueueJson(503, "{\"code\": \"unavailable\", \"message\": \"busy\"}");
		this.api.enqueueStatus(204);

		this.api.client(FAST).browserPools().release("snapshots", "s-1").block(Duration.ofSeconds(10));

		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), 0);

	private static String session(String sessionId, String acquireId) {
		return MockKernelApi.browserJson(sessionId)
			.replace("\"timeout_seconds\": 600", "\"timeout_seconds\": 600, \"tags\": {\""
					+ BrowserPoolsApi.ACQUIRE_ID_TAG + "\": \"" + acquireId + "\"}");
	}

	private static Browser leased(String sessionId, String acquireId) {
		return JsonMapper.shared().readValue(session(sessionId, acquireId), Browser.class);
	}

	@Test
	void releaseOfAnUnknownSessionAtTheFirstAttemptIsNotFound() {
		this.api.enqueueJson(404, "{\"code\": \"not_found\", \"message\": \"no session s-9\"}");

		ErrorMappingTests.failure(this.api.client().browserPools().release("snapshots", "s-9"), NotFoundException.class);
	}

	@Test
	void flushPostsWithoutBody() throws Exception {
		this.api.enqueueStatus(204);

		this.api.client().browserPools().flush("snapshots").block(Duration.ofSeconds(5));

		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/browser_pools/snapshots/flush");
		assertThat(recorded.getBodySize()).isZero();
	}

}
