package io.github.kernelboot.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.github.kernelboot.client.InvalidRequestException;
import io.github.kernelboot.client.model.KernelError;
import io.github.kernelboot.client.model.Secrets;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends each request to its route: 404 for an unknown path, 401 without the API key, 405 for
 * a known path with another method; turns every refusal into Error JSON and every unexpected
 * failure into a 500, so one bad request never harms the next.
 */
final class ApiRouter implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final Log logger = LogFactory.getLog(ApiRouter.class);

	private static final String MALFORMED_ESCAPE = "has a malformed percent-escape (% must be followed by two hex digits)";

	private final List<Route> routes = new ArrayList<>();

	private final BearerAuthentication authentication;

	private final ApiJson json;

	private final BooleanSupplier stopping;

	ApiRouter(BearerAuthentication authentication, ApiJson json, BooleanSupplier stopping) {
		this.authentication = authentication;
		this.json = json;
		this.stopping = stopping;
	}

	/**
	 * Adds a route that needs the API key.
	 * @param method the method
	 * @param template the path
	 * @param handler the handler
	 * @return this router
	 */
	ApiRouter route(HttpMethod method, String template, Handler handler) {
		this.routes.add(new Route(method, new PathTemplate(template), true, handler));
		return this;
	}

	/**
	 * Adds a route that checks its own credentials.
	 * @param method the method
	 * @param template the path
	 * @param handler the handler
	 * @return this router
	 */
	ApiRouter publicRoute(HttpMethod method, String template, Handler handler) {
		this.routes.add(new Route(method, new PathTemplate(template), false, handler));
		return this;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		Exchange refusal = new Exchange(request, response, Map.of(), Map.of(), this.json);
		if (this.stopping.getAsBoolean()) {
			return refusal.error(ApiException.unavailable("kernel-local is stopping"));
		}
		// Netty decodes with unchecked exceptions; thrown here, outside the reactive chain,
		// they would close the connection without an answer.
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		List<String> path;
		try {
			path = PathTemplate.split(uri.rawPath()).stream().map(QueryStringDecoder::decodeComponent).toList();
		}
		catch (IllegalArgumentException ex) {
			return refusal.error(ApiException.badRequest("path", MALFORMED_ESCAPE));
		}
		List<Route> pathMatches = this.routes.stream().filter((route) -> route.template().match(path) != null).toList();
		if (pathMatches.isEmpty()) {
			return refusal.error(ApiException.notFound("No route " + request.method() + " " + request.path()));
		}
		Route route = pathMatches.stream().filter((candidate) -> candidate.method().equals(request.method())).findFirst()
			.orElse(null);
		boolean authenticated = (route != null) ? route.authenticated() : pathMatches.stream().anyMatch(Route::authenticated);
		if (authenticated && !this.authentication.accepts(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
			response.header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
			return refusal.error(new ApiException(HttpResponseStatus.UNAUTHORIZED, "unauthorized",
					"Missing or invalid API key (send Authorization: Bearer <key>)"));
		}
		if (route == null) {
			response.header(HttpHeaderNames.ALLOW,
					pathMatches.stream().map((match) -> match.method().name()).collect(Collectors.joining(", ")));
			return refusal.error(new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
					"Method " + request.method() + " is not allowed on " + request.path()));
		}
		Map<String, List<String>> query;
		try {
			// Every query at once, whether the route reads it or not: a bad one is never ignored.
			query = uri.parameters();
		}
		catch (IllegalArgumentException ex) {
			// The query is not echoed: the CDP route carries its token there.
			return refusal.error(ApiException.badRequest("query", MALFORMED_ESCAPE));
		}
		Map<String, String> variables = route.template().match(path);
		Exchange exchange = new Exchange(request, response, (variables != null) ? variables : Map.of(), query, this.json);
		return Mono.defer(() -> route.handler().handle(exchange)).onErrorResume((failure) -> answer(exchange, failure));
	}

	private Mono<Void> answer(Exchange exchange, Throwable failure) {
		if (failure instanceof AbortedException) {
			// The client hung up: there is no one left to answer.
			logger.debug("Client left before " + exchange.request().method() + " " + exchange.request().path()
					+ " was answered");
			return Mono.empty();
		}
		if (exchange.response().hasSentHeaders()) {
			// Too late for an Error JSON: closing the connection is the only signal left.
			return Mono.error(failure);
		}
		if (failure instanceof ApiException refusal) {
			return exchange.error(refusal);
		}
		if (failure instanceof InvalidRequestException invalid) {
			return exchange.error(ApiException.badRequest(invalid.getField(), invalid.getProblem()));
		}
		logger.error("Failed to answer " + exchange.request().method() + " " + exchange.request().path(), failure);
		return exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
				new KernelError("internal_error", "kernel-local failed: " + Secrets.mask(failure.getMessage()), null, null));
	}

	/**
	 * Handles the requests of one route.
	 */
	@FunctionalInterface
	interface Handler {

		Mono<Void> handle(Exchange exchange);

	}

	private record Route(HttpMethod method, PathTemplate template, boolean authenticated, Handler handler) {

	}

	@Override
	public String toString() {
		return "ApiRouter" + this.routes.stream().map((route) -> route.method() + " " + route.template()).toList();
	}

}
