package io.github.kernelboot.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog of bad answers a server (or something between it and the client) can give. Each
 * must end the call with a typed exception, never a hang and never an untyped error.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadServerAnswersTests {

	private static final String BROWSER = MockKernelApi.browserJson("s-1");

	private static final List<String> VERBOSE = List.of("io.github.kernelboot", "reactor.netty", "org.springframework.web",
			"org.springframework.http");

	@RegisterExtension
	final MockKernelApi api = new MockKernelApi();

	// The most verbose logs of the client and the HTTP layers under it, so that the secrets
	// check sees all they could print.
	@BeforeAll
	static void logEverything() {
		VERBOSE.forEach((name) -> LoggingSystem.get(BadServerAnswersTests.class.getClassLoader()).setLogLevel(name,
				LogLevel.TRACE));
	}

	@AfterAll
	static void logAsBefore() {
		VERBOSE.forEach((name) -> LoggingSystem.get(BadServerAnswersTests.class.getClassLoader()).setLogLevel(name,
				null));
	}

	static Stream<Arguments> badAnswers() {
		return Stream.of(
				bad("malformed JSON", KernelResponseException.class, json(200, "{\"session_id\": \"s-1\", \"cdp_ws_url\": ")),
				bad("body cut short of its Content-Length", KernelException.class,
						json(200, BROWSER.substring(0, 40)).setHeader("Content-Length", "400")
							.onResponseEnd(new SocketEffect.CloseSocket())),
				bad("session_id of the wrong type", KernelResponseException.class,
						json(200, "{\"session_id\": {\"id\": 1}, \"cdp_ws_url\": \"ws://x\"}")),
				bad("boolean of the wrong type", KernelResponseException.class,
						json(200, "{\"session_id\": \"s\", \"cdp_ws_url\": \"ws://x\", \"headless\": \"maybe\"}")),
				bad("array where an object belongs", KernelResponseException.class, json(200, "[" + BROWSER + "]")),
				bad("JSON null", KernelResponseException.class, json(200, "null")),
				bad("200 without session_id", KernelResponseException.class,
						json(200, "{\"cdp_ws_url\": \"ws://x/cdp?jwt=" + MockKernelApi.JWT + "\"}")),
				bad("200 without cdp_ws_url", KernelResponseException.class, json(200, "{\"session_id\": \"s-1\"}")),
				bad("200 with an HTML login page", KernelResponseException.class,
						new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>sign in</html>")),
				bad("200 with an empty body", KernelResponseException.class,
						new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")),
				bad("204 where a browser belongs", KernelResponseException.class, new MockResponse.Builder().code(204)),
				bad("HTML error page", InternalServerException.class,
						new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
							.body("<html><h1>502 Bad Gateway</h1></html>")),
				bad("redirect", KernelApiException.class,
						new MockResponse.Builder().code(302).setHeader("Location", "https://elsewhere.example.com/login")),
				bad("huge body", KernelResponseException.class,
						json(200, "{\"session_id\": \"s\", \"cdp_ws_url\": \"ws://x\", \"name\": \"" + "x".repeat(1_000_000)
								+ "\"}")),
				bad("huge error body", InternalServerException.class,
						new MockResponse.Builder().code(500).body("<html>" + "x".repeat(1_000_000) + "</html>")),
				bad("unknown 5xx status", InternalServerException.class, json(599, "{}")),
				bad("unknown 4xx status", KernelApiException.class, json(418, "{\"code\": \"teapot\", \"message\": \"no\"}")),
				bad("Error JSON with wrong types", UnprocessableEntityException.class,
						json(422, "{\"code\": 5, \"message\": [\"x\"]}")),
				bad("headers never sent", KernelTimeoutException.class,
						json(200, BROWSER).headersDelay(5, TimeUnit.SECONDS)),
				bad("body stalls after the headers", KernelTimeoutException.class,
						json(200, BROWSER).bodyDelay(5, TimeUnit.SECONDS)),
				bad("connection closed before any answer", KernelConnectionException.class,
						new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badAnswers")
	void badAnswerEndsWithATypedExceptionWithoutHanging(String name, Class<? extends KernelException> expected,
			MockResponse.Builder answer, CapturedOutput output) {
		this.api.enqueue(answer.build());
		KernelClient client = this.api.client(RetryPolicy.NONE, Duration.ofSeconds(1));

		KernelException ex = ErrorMappingTests.failure(client.browsers().retrieve("s-1"), KernelException.class);

		assertThat(ex).isInstanceOf(expected);
		assertThat(ex.getMessage()).contains("/browsers/s-1").doesNotContain(MockKernelApi.JWT);
		assertThat(output).doesNotContain(MockKernelApi.JWT).doesNotContain(MockKernelApi.API_KEY);
	}

	@ParameterizedTest(name = "list: {0}")
	@MethodSource("badListAnswers")
	void badListAnswerEndsWithATypedException(String name, Function<KernelClient, Mono<?>> call,
			MockResponse.Builder answer) {
		this.api.enqueue(answer.build());

		ErrorMappingTests.failure(call.apply(this.api.client(RetryPolicy.NONE, Duration.ofSeconds(1))),
				KernelResponseException.class);
	}

	static Stream<Arguments> badListAnswers() {
		Function<KernelClient, Mono<?>> listBrowsers = (client) -> client.browsers().list().collectList();
		Function<KernelClient, Mono<?>> listPools = (client) -> client.browserPools().list().collectList();
		return Stream.of(Arguments.of("object where an array belongs", listBrowsers, json(200, BROWSER)),
				Arguments.of("pool without id", listPools, json(200, "[{\"name\": \"p\"}]").setHeader("X-Has-More", "false")),
				Arguments.of("next offset that does not advance", listPools,
						json(200, "[]").setHeader("X-Has-More", "true").setHeader("X-Next-Offset", "0")));
	}

	private static Arguments bad(String name, Class<? extends KernelException> expected, MockResponse.Builder answer) {
		return Arguments.of(name, expected, answer);
	}

	private static MockResponse.Builder json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body);
	}

}
