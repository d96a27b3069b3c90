package io.github.kernelboot.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP calls to a kernel-local server, for the answers a typed client would hide.
 */
final class ApiCalls {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http;

	ApiCalls(String baseUrl, @Nullable String apiKey) {
		this.http = HttpClient.create().baseUrl(baseUrl).headers((headers) -> {
			if (apiKey != null) {
				headers.set("Authorization", "Bearer " + apiKey);
			}
		});
	}

	ApiCalls(KernelLocalServer server) {
		this(server.baseUrl(), server.apiKey());
	}

	Answer get(String path) {
		return call(HttpMethod.GET, path, null).block(TIMEOUT);
	}

	Answer post(String path, @Nullable String json) {
		return call(HttpMethod.POST, path, json).block(TIMEOUT);
	}

	Answer patch(String path, String json) {
		return call(HttpMethod.PATCH, path, json).block(TIMEOUT);
	}

	Answer delete(String path, @Nullable String json) {
		return call(HttpMethod.DELETE, path, json).block(TIMEOUT);
	}

	Mono<Answer> call(HttpMethod method, String path, @Nullable String json) {
		return call(method, path, json, "application/json");
	}

	Mono<Answer> call(HttpMethod method, String path, @Nullable String body, String contentType) {
		HttpClient client = (body != null) ? this.http.headers((headers) -> headers.set("Content-Type", contentType))
				: this.http;
		return client.request(method)
			.uri(path)
			.send((body != null) ? ByteBufFlux.fromString(Mono.just(body), StandardCharsets.UTF_8,
					ByteBufAllocator.DEFAULT) : Mono.empty())
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Answer(response.status().code(), response.responseHeaders(), text)));
	}

	/**
	 * One answer.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the body text
	 */
	record Answer(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return mapper.readTree(this.body);
		}

		String text(String field) {
			return json().path(field).asString();
		}

	}

}
