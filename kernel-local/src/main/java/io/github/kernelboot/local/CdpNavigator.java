package io.github.kernelboot.local;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a running browser's first tab to a URL over CDP ({@code Page.navigate}), for the
 * {@code start_url} of an acquire: the browser was started long before.
 */
final class CdpNavigator {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final int NAVIGATE_ID = 1;

	private final HttpClient http;

	private final JsonMapper mapper = JsonMapper.builder().build();

	CdpNavigator(HttpClient http) {
		this.http = http;
	}

	/**
	 * Navigates the browser's first tab, or opens a tab at the URL if it has none.
	 * @param browserWebSocketUrl the browser's DevTools websocket
	 * @param url where to go
	 * @return completion once the browser answered the navigation
	 */
	Mono<Void> navigate(String browserWebSocketUrl, String url) {
		URI browser = URI.create(browserWebSocketUrl);
		String devtools = "http://" + browser.getHost() + ":" + browser.getPort();
		return this.http.get()
			.uri(devtools + "/json/list")
			.responseSingle((response, body) -> body.asString())
			.flatMap((targets) -> {
				for (JsonNode target : this.mapper.readTree(targets)) {
					if ("page".equals(target.path("type").asString())) {
						return navigatePage(target.path("webSocketDebuggerUrl").asString(), url);
					}
				}
				return openTab(devtools, url);
			})
			.timeout(TIMEOUT);
	}

	private Mono<Void> navigatePage(String pageWebSocketUrl, String url) {
		String command = this.mapper.writeValueAsString(
				Map.of("id", NAVIGATE_ID, "method", "Page.navigate", "params", Map.of("url", url)));
		return this.http.websocket()
			.uri(pageWebSocketUrl)
			.handle((in, out) -> Mono.from(out.sendString(Mono.just(command)))
				.then(in.receive()
					.asString()
					.map(this.mapper::readTree)
					.filter((message) -> message.path("id").asInt() == NAVIGATE_ID)
					.next()))
			.next()
			.flatMap((answer) -> answer.has("error")
					? Mono.error(new IllegalStateException("Page.navigate failed: " + answer.path("error")))
					: Mono.empty());
	}

	private Mono<Void> openTab(String devtools, String url) {
		// DevTools reads everything after the '?' as the URL, unencoded.
		return this.http.put()
			.uri(devtools + "/json/new?" + url)
			.responseSingle((response, body) -> body.asString())
			.then();
	}

}
