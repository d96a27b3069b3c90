package io.github.kernelboot.local;

import io.github.kernelboot.client.PoolListQuery;
import io.github.kernelboot.client.RequestValidator;
import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserPoolUpdate;
import io.github.kernelboot.client.model.PoolDeleteRequest;
import io.github.kernelboot.client.model.ReleaseRequest;
import io.netty.handler.codec.http.HttpMethod;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * The {@code /browser_pools} routes: pools, and acquire, release and flush of their browsers.
 */
final class BrowserPoolsRoutes {

	/** Header of {@code GET /browser_pools/{id_or_name}}: acquire polls of the pool waiting now. */
	static final String WAITING_HEADER = "X-Kernel-Local-Waiting-Acquires";

	private static final Log logger = LogFactory.getLog(BrowserPoolsRoutes.class);

	private final PoolRegistry pools;

	private final CdpNavigator navigator;

	BrowserPoolsRoutes(PoolRegistry pools, CdpNavigator navigator) {
		this.pools = pools;
		this.navigator = navigator;
	}

	void register(ApiRouter router) {
		router.route(HttpMethod.POST, "/browser_pools", this::create)
			.route(HttpMethod.GET, "/browser_pools", this::list)
			.route(HttpMethod.GET, "/browser_pools/{id_or_name}", this::retrieve)
			.route(HttpMethod.PATCH, "/browser_pools/{id_or_name}", this::update)
			.route(HttpMethod.DELETE, "/browser_pools/{id_or_name}", this::delete)
			.route(HttpMethod.POST, "/browser_pools/{id_or_name}/acquire", this::acquire)
			.route(HttpMethod.POST, "/browser_pools/{id_or_name}/release", this::release)
			.route(HttpMethod.POST, "/browser_pools/{id_or_name}/flush", this::flush);
	}

	private Mono<Void> create(Exchange exchange) {
		return exchange.body(BrowserPoolRequest.class).flatMap((request) -> {
			RequestValidator.validateCreate(request);
			LocalLimits.check(request);
			return exchange.json(this.pools.create(request).describe());
		});
	}

	private Mono<Void> list(Exchange exchange) {
		// The client's query checks offset and limit the way the API documents them.
		PoolListQuery query = new PoolListQuery(exchange.queryParameter("name"), exchange.queryParameter("query"),
				Paging.limit(exchange), Paging.offset(exchange));
		return Paging.answer(exchange, this.pools.list(query).stream().map(LocalPool::describe).toList(),
				query.offset(), query.pageSize());
	}

	// The waiting polls are kernel-local's own figure, so they travel in a header of its own
	// rather than in the API's JSON.
	private Mono<Void> retrieve(Exchange exchange) {
		LocalPool pool = pool(exchange);
		return exchange.header(WAITING_HEADER, Integer.toString(pool.waiting())).json(pool.describe());
	}

	private Mono<Void> update(Exchange exchange) {
		LocalPool pool = pool(exchange);
		return exchange.body(BrowserPoolUpdate.class).flatMap((update) -> {
			RequestValidator.validate(update);
			LocalLimits.check(update.changes());
			this.pools.update(pool, update.changes(), Boolean.TRUE.equals(update.discardAllIdle()));
			return exchange.json(pool.describe());
		});
	}

	private Mono<Void> delete(Exchange exchange) {
		LocalPool pool = pool(exchange);
		return exchange.body(PoolDeleteRequest.class).flatMap((request) -> {
			this.pools.delete(pool, Boolean.TRUE.equals(request.force()));
			return exchange.noContent();
		});
	}

	private Mono<Void> acquire(Exchange exchange) {
		LocalPool pool = pool(exchange);
		return exchange.body(AcquireRequest.class).flatMap((request) -> {
			RequestValidator.validate(request);
			return pool.acquire(request)
				.flatMap((session) -> answerLease(exchange, pool, session, request).thenReturn(true))
				.switchIfEmpty(Mono.defer(() -> exchange.noContent().thenReturn(false)))
				.then();
		});
	}

	private Mono<Void> answerLease(Exchange exchange, LocalPool pool, BrowserSession session, AcquireRequest request) {
		String startUrl = request.startUrl();
		Mono<Void> navigation = (startUrl != null) ? this.navigator
			.navigate(session.browser().webSocketDebuggerUrl(), startUrl)
			.onErrorResume((failure) -> {
				logger.warn("Could not open " + startUrl + " in browser " + session.id() + ": " + failure.getMessage());
				return Mono.empty();
			}) : Mono.empty();
		// A lease whose answer does not reach the client goes back to the pool.
		return navigation.then(Mono.defer(() -> exchange.json(session.toBrowser(exchange.cdpBaseUrl()))))
			.doOnError((failure) -> pool.returnUnsent(session))
			.doOnCancel(() -> pool.returnUnsent(session));
	}

	private Mono<Void> release(Exchange exchange) {
		LocalPool pool = pool(exchange);
		return exchange.body(ReleaseRequest.class).flatMap((request) -> {
			RequestValidator.validate(request);
			pool.release(request.sessionId(), !Boolean.FALSE.equals(request.reuse()));
			return exchange.noContent();
		});
	}

	private Mono<Void> flush(Exchange exchange) {
		pool(exchange).flush();
		return exchange.noContent();
	}

	private LocalPool pool(Exchange exchange) {
		return this.pools.get(exchange.pathVariable("id_or_name"));
	}

}
