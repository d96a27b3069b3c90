package io.github.kernelboot.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.util.UriUtils;

/**
 * One call of the Kernel API: method, path template with its variables, query, body and how a
 * successful answer is read.
 *
 * <p>The path stays a template ({@code /browser_pools/{id_or_name}/acquire}) so that HTTP
 * client observations get a tag of low cardinality. The request's URI is expanded here rather
 * than by WebClient's URI builder, which parses the template again on every request: a
 * noticeable share of a short call's cost.
 *
 * @param <T> what a successful answer is read into
 */
final class ApiRequest<T> {

	private final HttpMethod method;

	private final String pathTemplate;

	private final Map<String, Object> pathVariables;

	private final Map<String, Object> query = new LinkedHashMap<>();

	private @Nullable Object body;

	private boolean longPoll;

	private final SuccessReader<T> reader;

	private ApiRequest(HttpMethod method, String pathTemplate, Map<String, Object> pathVariables,
			SuccessReader<T> reader) {
		this.method = method;
		this.pathTemplate = pathTemplate;
		this.pathVariables = pathVariables;
		this.reader = reader;
	}

	static <T> ApiRequest<T> of(HttpMethod method, String pathTemplate, Map<String, Object> pathVariables,
			SuccessReader<T> reader) {
		return new ApiRequest<>(method, pathTemplate, pathVariables, reader);
	}

	ApiRequest<T> query(String name, @Nullable Object value) {
		if (value != null) {
			this.query.put(name, value);
		}
		return this;
	}

	ApiRequest<T> body(@Nullable Object body) {
		this.body = body;
		return this;
	}

	/** Marks a request the server may hold for a long time: it goes over the polling connections. */
	ApiRequest<T> longPoll() {
		this.longPoll = true;
		return this;
	}

	boolean isLongPoll() {
		return this.longPoll;
	}

	@Nullable Object queryValue(String name) {
		return this.query.get(name);
	}

	HttpMethod method() {
		return this.method;
	}

	@Nullable Object body() {
		return this.body;
	}

	SuccessReader<T> reader() {
		return this.reader;
	}

	/** The path with its variables filled in and no query: what messages name. */
	String path() {
		return expandPath(UnaryOperator.identity());
	}

	/**
	 * The absolute URI to send the request to, with the path's variables and the query's
	 * values encoded in full, as WebClient's default URI builder encodes variables.
	 * @param baseUrl the API's base URL, without a trailing slash
	 * @return the URI
	 */
	URI uri(String baseUrl) {
		StringBuilder uri = new StringBuilder(baseUrl).append(expandPath(ApiRequest::encode));
		char separator = '?';
		for (Map.Entry<String, Object> parameter : this.query.entrySet()) {
			uri.append(separator).append(parameter.getKey()).append('=');
			uri.append(encode(parameter.getValue().toString()));
			separator = '&';
		}
		return URI.create(uri.toString());
	}

	private String expandPath(UnaryOperator<String> encoder) {
		StringBuilder path = new StringBuilder(this.pathTemplate.length() + 32);
		int start = 0;
		for (int open = this.pathTemplate.indexOf('{'); open >= 0; open = this.pathTemplate.indexOf('{', start)) {
			int close = this.pathTemplate.indexOf('}', open);
			String name = this.pathTemplate.substring(open + 1, close);
			Object value = this.pathVariables.get(name);
			if (value == null) {
				throw new IllegalStateException("No value for {" + name + "} in " + this.pathTemplate);
			}
			path.append(this.pathTemplate, start, open).append(encoder.apply(value.toString()));
			start = close + 1;
		}
		return path.append(this.pathTemplate, start, this.pathTemplate.length()).toString();
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	/** The path and query as a template, for the observations' {@code uri} tag. */
	String uriTemplate() {
		if (this.query.isEmpty()) {
			return this.pathTemplate;
		}
		StringJoiner template = new StringJoiner("&", this.pathTemplate + "?", "");
		this.query.keySet().forEach((name) -> template.add(name + "={" + name + "}"));
		return template.toString();
	}

	/**
	 * Reads a successful (2xx) answer.
	 *
	 * @param <T> what the answer is read into
	 */
	@FunctionalInterface
	interface SuccessReader<T> {

		/**
		 * Reads the answer; an empty result stands for "no content".
		 * @param response the answer
		 * @param request the request it answers
		 * @return what was read
		 */
		Mono<T> read(ClientResponse response, ApiRequest<T> request);

	}

}
