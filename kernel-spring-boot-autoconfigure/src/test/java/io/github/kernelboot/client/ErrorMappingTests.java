package io.github.kernelboot.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.client.model.ErrorDetail;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every way a call can fail becomes a typed exception with a clear message that
 * holds no secret, against a real HTTP server on loopback.
 */
class ErrorMappingTests {

	@RegisterExtension
	final MockKernelApi api = new MockKernelApi();

	@ParameterizedTest
	@CsvSource({ "400, BadRequestException", "401, AuthenticationException", "403, PermissionDeniedException",
			"404, NotFoundException", "409, ConflictException", "422, UnprocessableEntityException",
			"429, RateLimitException", "500, InternalServerException", "502, InternalServerException",
			"503, InternalServerException", "418, KernelApiException", "302, KernelApiException" })
	void eachErrorStatusMapsToItsType(int status, String type) {
		this.api.enqueueJson(status, """
				{"code": "some_code", "message": "what went wrong",
				 "details": [{"code": "invalid_input", "message": "size is bad"}],
				 "inner_error": {"code": "inner", "message": "deeper"}}
				""");

		KernelApiException ex = failure(this.api.client().browserPools().retrieve("snapshots"),
				KernelApiException.class);

		assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
		assertThat(ex.getStatus()).isEqualTo(status);
		assertThat(ex.getCode()).isEqualTo("some_code");
		assertThat(ex.getErrorMessage()).isEqualTo("what went wrong");
		assertThat(ex.getDetails()).containsExactly(new ErrorDetail("invalid_input", "size is bad"));
		assertThat(ex.getInnerError()).isEqualTo(new ErrorDetail("inner", "deeper"));
		assertThat(ex.getMethod()).isEqualTo("GET");
		assertThat(ex.getPath()).isEqualTo("/browser_pools/snapshots");
		assertThat(ex).hasMessage("Kernel API answered " + status
				+ " (some_code: what went wrong) to GET /browser_pools/snapshots; details: [invalid_input: size is bad];"
				+ " inner error: inner: deeper");
	}

	@Test
	void rateLimitCarriesTheWaitTheServerAskedFor() {
		this.api.enqueue(new MockResponse.Builder().code(429)
			.setHeader("Retry-After", "7")
			.setHeader("Content-Type", "application/json")
			.body("{\"code\": \"rate_limited\", \"message\": \"slow down\"}")
			.build());

		RateLimitException ex = failure(this.api.client().browserPools().retrieve("p"), RateLimitException.class);

		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void htmlErrorPageGivesAClearMessageWithAnExcerpt() {
		this.api.enqueue(new MockResponse.Builder().code(502)
			.setHeader("Content-Type", "text/html")
			.body("<html><body><h1>502 Bad Gateway</h1>\n\n<p>nginx</p></body></html>")
			.build());

		InternalServerException ex = failure(this.api.client().browserPools().retrieve("p"),
				InternalServerException.class);

		assertThat(ex.getCode()).isNull();
		assertThat(ex).hasMessage("Kernel API answered 502 to GET /browser_pools/p with a body that is not Kernel "
				+ "Error JSON: '<html><body><h1>502 Bad Gateway</h1> <p>nginx</p></body></html>'");
	}

	@Test
	void emptyErrorBodyGivesAClearMessage() {
		this.api.enqueueStatus(404);

		NotFoundException ex = failure(this.api.client().browsers().delete("s-1"), NotFoundException.class);

		assertThat(ex).hasMessage("Kernel API answered 404 to DELETE /browsers/s-1 with an empty body");
	}

	@Test
	void jsonErrorBodyWithoutCodeIsShownAsAnExcerpt() {
		this.api.enqueueJson(500, "{\"error\": \"boom\"}");

		InternalServerException ex = failure(this.api.client().browsers().retrieve("s-1"),
				InternalServerException.class);

		assertThat(ex.getCode()).isNull();
		assertThat(ex).hasMessageContaining("not Kernel Error JSON: '{\"error\": \"boom\"}'");
	}

	@Test
	void secretsEchoedByTheServerAreMasked() {
		this.api.enqueueJson(401, """
				{"code": "unauthorized", "message": "key %s is not valid for wss://x/cdp?jwt=%s",
				 "details": [{"message": "Authorization: Bearer %s"}]}
				""".formatted(MockKernelApi.API_KEY, MockKernelApi.JWT, MockKernelApi.API_KEY));

		AuthenticationException ex = failure(this.api.client().browsers().retrieve("s-1"),
				AuthenticationException.class);

		assertThat(ex.getMessage()).doesNotContain(MockKernelApi.API_KEY)
			.doesNotContain(MockKernelApi.JWT)
			.contains("jwt=****");
	}

	@Test
	void secretsInANonJsonErrorBodyAreMasked() {
		this.api.enqueue(new MockResponse.Builder().code(500)
			.body("upstream said: Bearer " + MockKernelApi.API_KEY + " jwt=" + MockKernelApi.JWT)
			.build());

		InternalServerException ex = failure(this.api.client().browsers().retrieve("s-1"),
				InternalServerException.class);

		assertThat(ex.getMessage()).doesNotContain(MockKernelApi.API_KEY).doesNotContain(MockKernelApi.JWT);
	}

	@Test
	void malformedJsonInASuccessfulAnswerIsAResponseException() {
		this.api.enqueueJson(200, "{\"session_id\": \"s-1\", \"cdp_ws_url\": ");

		KernelResponseException ex = failure(this.api.client().browsers().retrieve("s-1"),
				KernelResponseException.class);

		assertThat(ex.getStatus()).isEqualTo(200);
		assertThat(ex).hasMessageStartingWith("Unusable answer 200 from the Kernel API to GET /browsers/s-1: body is "
				+ "not the expected JSON");
	}

	@Test
	void wrongTypeInASuccessfulAnswerIsAResponseException() {
		this.api.enqueueJson(200, "{\"session_id\": \"s-1\", \"cdp_ws_url\": \"ws://x\", \"timeout_seconds\": \"soon\"}");

		failure(this.api.client().browsers().retrieve("s-1"), KernelResponseException.class);
	}

	@Test
	void browserWithoutSessionIdIsAResponseException() {
		this.api.enqueueJson(200, "{\"cdp_ws_url\": \"wss://x/cdp?jwt=" + MockKernelApi.JWT + "\"}");

		KernelResponseException ex = failure(this.api.client().browsers().create(BrowserRequest.builder().build()),
				KernelResponseException.class);

		assertThat(ex).hasMessage("Unusable answer 200 from the Kernel API to POST /browsers: answer has no session_id");
	}

	@Test
	void htmlInASuccessfulAnswerIsAResponseException() {
		this.api.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "text/html")
			.body("<html>login</html>")
			.build());

		KernelResponseException ex = failure(this.api.client().browsers().retrieve("s-1"),
				KernelResponseException.class);

		assertThat(ex).hasMessageContaining("body is not JSON");
	}

	@Test
	void emptySuccessfulAnswerWhereABodyIsRequiredIsAResponseException() {
		this.api.enqueueStatus(200);

		KernelResponseException ex = failure(this.api.client().browserPools().retrieve("p"),
				KernelResponseException.class);

		assertThat(ex).hasMessageEndingWith(": body is empty");
	}

	@Test
	void refusedConnectionIsAConnectionException() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		KernelClient client = KernelClient.builder()
			.baseUrl("http://127.0.0.1:" + closedPort)
			.apiKey(MockKernelApi.API_KEY)
			.retryPolicy(RetryPolicy.NONE)
			.build();

		KernelConnectionException ex = failure(client.browserPools().retrieve("p"), KernelConnectionException.class);

		assertThat(ex.getMethod()).isEqualTo("GET");
		assertThat(ex.getPath()).isEqualTo("/browser_pools/p");
		assertThat(ex).hasMessageStartingWith("Connection to the Kernel API failed for GET /browser_pools/p: ");
	}

	static <T extends Throwable> T failure(Mono<?> call, Class<T> type) {
		Throwable[] seen = new Throwable[1];
		StepVerifier.create(call).expectErrorSatisfies((ex) -> seen[0] = ex).verify(Duration.ofSeconds(10));
		assertThat(seen[0]).isInstanceOf(type);
		return type.cast(seen[0]);
	}

}
