package io.github.kernelboot.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.kernelboot.client.InvalidRequestException;
import io.github.kernelboot.client.model.KernelError;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One API request and its answer: path variables, query parameters, the JSON body in, JSON or
 * Error JSON out.
 */
final class Exchange {

	private final HttpServerRequest request;

	private final HttpServerResponse response;

	private final Map<String, String> pathVariables;

	private final Map<String, List<String>> queryParameters;

	private final ApiJson json;

	/**
	 * Creates an exchange.
	 * @param request the request
	 * @param response its answer
	 * @param pathVariables the decoded path variables
	 * @param queryParameters the decoded query parameters; the router decodes them, as a
	 * malformed query is a 400, not a failure of the route
	 * @param json reads and writes JSON
	 */
	Exchange(HttpServerRequest request, HttpServerResponse response, Map<String, String> pathVariables,
			Map<String, List<String>> queryParameters, ApiJson json) {
		this.request = request;
		this.response = response;
		this.pathVariables = pathVariables;
		this.queryParameters = queryParameters;
		this.json = json;
	}

	HttpServerRequest request() {
		return this.request;
	}

	HttpServerResponse response() {
		return this.response;
	}

	String pathVariable(String name) {
		String value = this.pathVariables.get(name);
		if (value == null) {
			throw new IllegalStateException("Route has no path variable " + name);
		}
		return value;
	}

	@Nullable String queryParameter(String name) {
		List<String> values = this.queryParameters.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Reads an integer query parameter.
	 * @param name the parameter
	 * @return its value, or {@code null} if absent
	 * @throws InvalidRequestException if it is not an integer
	 */
	@Nullable Long longParameter(String name) {
		String value = queryParameter(name);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException(name, "must be an integer (was '" + value + "')");
		}
	}

	/**
	 * Reads a boolean query parameter; present without a value means true.
	 * @param name the parameter
	 * @return its value, false if absent
	 * @throws InvalidRequestException if it is neither true nor false
	 */
	boolean booleanParameter(String name) {
		String value = queryParameter(name);
		if (value == null || value.equalsIgnoreCase("false")) {
			return false;
		}
		if (value.isEmpty() || value.equalsIgnoreCase("true")) {
			return true;
		}
		throw new InvalidRequestException(name, "must be true or false (was '" + value + "')");
	}

	/**
	 * Reads the body as JSON: an empty body reads as {@code {}}; a body of another content
	 * type is refused with 415.
	 * @param <T> the body's type
	 * @param type the body's type
	 * @return the body; an {@link InvalidRequestException} naming the field it could not read
	 */
	<T> Mono<T> body(Class<T> type) {
		return this.request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").map((body) -> {
			if (!body.isBlank() && !isJson(this.request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE))) {
				throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
						"Request body must be application/json");
			}
			return this.json.read(body, type);
		});
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		return mediaType.equals("application/json") || mediaType.endsWith("+json");
	}

	/**
	 * Adds a header to the answer.
	 * @param name the header's name
	 * @param value its value
	 * @return this exchange
	 */
	Exchange header(String name, String value) {
		this.response.header(name, value);
		return this;
	}

	Mono<Void> json(Object value) {
		return json(HttpResponseStatus.OK, value);
	}

	Mono<Void> json(HttpResponseStatus status, Object value) {
		byte[] bytes = this.json.write(value);
		return this.response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length))
			.sendByteArray(Mono.just(bytes))
			.then();
	}

	Mono<Void> noContent() {
		return this.response.status(HttpResponseStatus.NO_CONTENT).send();
	}

	Mono<Void> error(ApiException error) {
		return error(error.status(), error.error());
	}

	Mono<Void> error(HttpResponseStatus status, KernelError error) {
		return json(status, error);
	}

	/**
	 * Returns where clients reach the CDP proxy: the host they reached this request at.
	 * @return such as {@code ws://127.0.0.1:8080}
	 */
	String cdpBaseUrl() {
		String host = this.request.requestHeaders().get(HttpHeaderNames.HOST);
		if (host == null || host.isBlank()) {
			host = this.request.hostAddress().getHostString() + ":" + this.request.hostAddress().getPort();
		}
		return "ws://" + host;
	}

}
