package io.github.kernelboot.local;

import java.util.Locale;

import io.github.kernelboot.client.BrowserListQuery;
import io.github.kernelboot.client.InvalidRequestException;
import io.github.kernelboot.client.RequestValidator;
import io.github.kernelboot.client.model.BrowserRequest;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * The {@code /browsers} routes: create, list, retrieve and delete browser sessions.
 */
final class BrowsersRoutes {

	private final BrowserSessions browsers;

	private final SessionRegistry sessions;

	BrowsersRoutes(BrowserSessions browsers, SessionRegistry sessions) {
		this.browsers = browsers;
		this.sessions = sessions;
	}

	void register(ApiRouter router) {
		router.route(HttpMethod.POST, "/browsers", this::create)
			.route(HttpMethod.GET, "/browsers", this::list)
			.route(HttpMethod.GET, "/browsers/{id_or_name}", this::retrieve)
			.route(HttpMethod.DELETE, "/browsers/{id_or_name}", this::delete);
	}

	private Mono<Void> create(Exchange exchange) {
		return exchange.body(BrowserRequest.class).flatMap((request) -> {
			RequestValidator.validate(request);
			LocalLimits.check(request);
			return this.browsers.create(request);
		}).flatMap((session) -> exchange.json(session.toBrowser(exchange.cdpBaseUrl())));
	}

	private Mono<Void> list(Exchange exchange) {
		// The client's query checks offset and limit the way the API documents them.
		BrowserListQuery query = new BrowserListQuery(status(exchange.queryParameter("status")),
				Paging.limit(exchange), Paging.offset(exchange));
		String cdpBaseUrl = exchange.cdpBaseUrl();
		return Paging.answer(exchange, this.sessions.list(query.status())
			.stream()
			.map((session) -> session.toBrowser(cdpBaseUrl))
			.toList(), query.offset(), query.pageSize());
	}

	private static BrowserListQuery.Status status(String value) {
		if (value == null) {
			return BrowserListQuery.Status.ACTIVE;
		}
		try {
			return BrowserListQuery.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("status", "must be active, deleted or all (was '" + value + "')");
		}
	}

	private Mono<Void> retrieve(Exchange exchange) {
		String idOrName = exchange.pathVariable("id_or_name");
		BrowserSession session = this.sessions.find(idOrName, exchange.booleanParameter("include_deleted"))
			.orElseThrow(() -> notFound(idOrName));
		return exchange.json(session.toBrowser(exchange.cdpBaseUrl()));
	}

	private Mono<Void> delete(Exchange exchange) {
		String idOrName = exchange.pathVariable("id_or_name");
		BrowserSession session = this.sessions.find(idOrName, false).orElseThrow(() -> notFound(idOrName));
		this.browsers.delete(session);
		return exchange.noContent();
	}

	private static ApiException notFound(String idOrName) {
		return ApiException.notFound("Browser session '" + idOrName + "' not found");
	}

}
