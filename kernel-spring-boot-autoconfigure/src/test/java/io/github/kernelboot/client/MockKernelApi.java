package io.github.kernelboot.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP server on loopback that answers what a test enqueues and records what the
 * client sent; register it with {@code @RegisterExtension}.
 */
final class MockKernelApi implements BeforeEachCallback, AfterEachCallback {

	static final String API_KEY = "sk_test_4f9d2c7be1a04c53";

	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbg.c2lnbmF0dXJl";

	private MockWebServer server;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.server = new MockWebServer();
		this.server.start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.server.close();
	}

	String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	KernelClient client() {
		return client(RetryPolicy.DEFAULT.withMaxRetries(0));
	}

	KernelClient client(RetryPolicy retryPolicy) {
		return client(retryPolicy, Duration.ofSeconds(5));
	}

	KernelClient client(RetryPolicy retryPolicy, Duration readTimeout) {
		return KernelClient.builder()
			.baseUrl(baseUrl())
			.apiKey(API_KEY)
			.retryPolicy(retryPolicy)
			.readTimeout(readTimeout)
			.build();
	}

	/**
	 * Answers every request with what the function gives, instead of the queue.
	 */
	void dispatch(Function<RecordedRequest, MockResponse> answer) {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer.apply(request);
			}
		});
	}

	void enqueue(MockResponse response) {
		this.server.enqueue(response);
	}

	void enqueueJson(int status, String json) {
		enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(json).build());
	}

	void enqueueStatus(int status) {
		enqueue(new MockResponse.Builder().code(status).build());
	}

	RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("a request reached the server").isNotNull();
		return request;
	}

	/**
	 * Waits for a request that must not come.
	 * @param wait how long it would take to come, with room to spare
	 */
	void assertNoRequestWithin(Duration wait) throws InterruptedException {
		assertThat(this.server.takeRequest(wait.toMillis(), TimeUnit.MILLISECONDS)).as("no further request").isNull();
	}

	int requestCount() {
		return this.server.getRequestCount();
	}

	static String browserJson(String sessionId) {
		return """
				{"session_id": "%s", "cdp_ws_url": "wss://api.onkernel.com/browser/cdp?jwt=%s",
				 "created_at": "2026-11-22T10:15:30Z", "headless": true, "stealth": false, "timeout_seconds": 600}
				""".formatted(sessionId, JWT);
	}

	static String poolJson(String id, String name) {
		return """
				{"id": "%s", "name": "%s", "acquired_count": 1, "available_count": 2,
				 "created_at": "2026-11-22T10:15:30Z",
				 "browser_pool_config": {"name": "%s", "size": 3, "fill_rate_per_minute": 25, "headless": true}}
				""".formatted(id, name, name);
	}

}
