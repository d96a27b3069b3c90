package io.github.kernelboot.integration;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends one Chrome DevTools Protocol command over a browser's {@code cdp_ws_url} and returns
 * the answer, the way any CDP client starts.
 */
final class Cdp {

	private static final HttpClient WEBSOCKETS = HttpClient.create();

	private Cdp() {
	}

	static Mono<String> browserVersion(String cdpWsUrl) {
		return WEBSOCKETS.websocket()
			.uri(cdpWsUrl)
			.handle((in, out) -> out.sendString(Mono.just("{\"id\":1,\"method\":\"Browser.getVersion\"}"))
				.then()
				.thenMany(in.receive().asString().filter((message) -> message.contains("\"id\":1")).take(1)))
			.next()
			.timeout(Duration.ofSeconds(10));
	}

}
