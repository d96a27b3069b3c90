package io.github.kernelboot.client;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserPoolUpdate;
import io.github.kernelboot.client.model.PoolDeleteRequest;
import io.github.kernelboot.client.model.ReleaseRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.http.HttpMethod;

/**
 * Browser pools: create, retrieve, list, update, delete and flush pools; acquire browsers
 * from them and release them. Obtain it from {@link KernelClient#browserPools()}.
 *
 * <p>Every call is lazy: nothing is sent until the returned publisher is subscribed to.
 */
public final class BrowserPoolsApi {

	private static final Log logger = LogFactory.getLog(BrowserPoolsApi.class);

	private static final String POOLS = "/browser_pools";

	private static final String POOL = "/browser_pools/{id_or_name}";

	private static final String ACQUIRE = POOL + "/acquire";

	private static final String RELEASE = POOL + "/release";

	private static final String FLUSH = POOL + "/flush";


	/**
	 * Tag each acquire poll puts on the session it leases, so that a browser whose answer was
	 * lost can be found again.
	 */
	public static final String ACQUIRE_ID_TAG = "kernelboot-acquire-id";

	/** Fewest retries of a release, whatever the client's policy. */
	static final int MIN_RELEASE_RETRIES = 5;

	private final KernelHttp http;

	private final BrowsersApi browsers;

	private final Set<InFlightPoll> polls = ConcurrentHashMap.newKeySet();

	BrowserPoolsApi(KernelHttp http, BrowsersApi browsers) {
		this.http = http;
		this.browsers = browsers;
	}

	/**
	 * Creates a pool ({@code POST /browser_pools}).
	 * @param request the pool's configuration; {@code size} is required
	 * @return the new pool; an {@link InvalidRequestException} if the request breaks a limit
	 */
	public Mono<BrowserPool> create(BrowserPoolRequest request) {
		return Mono.defer(() -> {
			RequestValidator.validateCreate(request);
			return this.http.send(ApiRequest.of(HttpMethod.POST, POOLS, Map.of(), pool()).body(request));
		});
	}

	/**
	 * Retrieves a pool ({@code GET /browser_pools/{id_or_name}}).
	 * @param idOrName the pool's id or name
	 * @return the pool; a {@link NotFoundException} if there is none
	 */
	public Mono<BrowserPool> retrieve(String idOrName) {
		return Mono.defer(() -> this.http.send(ApiRequest.of(HttpMethod.GET, POOL, poolPath(idOrName), pool())));
	}

	/**
	 * Lists every pool, following the pages lazily.
	 * @return the pools
	 */
	public Flux<BrowserPool> list() {
		return list(PoolListQuery.all());
	}

	/**
	 * Lists pools ({@code GET /browser_pools}), following the {@code X-Has-More} pages lazily.
	 * @param query which pools, page size and start offset
	 * @return the pools
	 */
	public Flux<BrowserPool> list(PoolListQuery query) {
		return Page.follow(query.offset(),
				(offset) -> this.http.send(ApiRequest.of(HttpMethod.GET, POOLS, Map.of(), KernelHttp.page(BrowserPool[].class, BrowserPoolsApi::missingRequiredField))
					.query("offset", offset)
					.query("limit", query.pageSize())
					.query("name", query.name())
					.query("query", query.query())));
	}

	/**
	 * Changes a pool's configuration ({@code PATCH /browser_pools/{id_or_name}}); new browsers
	 * use it.
	 * @param idOrName the pool's id or name
	 * @param update the components to change, and whether idle browsers are discarded now
	 * @return the updated pool
	 */
	public Mono<BrowserPool> update(String idOrName, BrowserPoolUpdate update) {
		return Mono.defer(() -> {
			Map<String, Object> path = poolPath(idOrName);
			RequestValidator.validate(update);
			return this.http.send(ApiRequest.of(HttpMethod.PATCH, POOL, path, pool()).body(update));
		});
	}

	/**
	 * Deletes a pool that has no leased browsers.
	 * @param idOrName the pool's id or name
	 * @return completion; a {@link ConflictException} while browsers are leased
	 */
	public Mono<Void> delete(String idOrName) {
		return delete(idOrName, false);
	}

	/**
	 * Deletes a pool ({@code DELETE /browser_pools/{id_or_name}}).
	 * @param idOrName the pool's id or name
	 * @param force whether to delete it even while browsers are leased
	 * @return completion
	 */
	public Mono<Void> delete(String idOrName, boolean force) {
		return Mono.defer(() -> this.http.send(ApiRequest.of(HttpMethod.DELETE, POOL, poolPath(idOrName),
				KernelHttp.noBody()).body(new PoolDeleteRequest(force))));
	}

	/**
	 * Destroys a pool's idle browsers ({@code POST /browser_pools/{id_or_name}/flush}).
	 * @param idOrName the pool's id or name
	 * @return completion
	 */
	public Mono<Void> flush(String idOrName) {
		return Mono.defer(() -> this.http.send(ApiRequest.of(HttpMethod.POST, FLUSH, poolPath(idOrName),
				KernelHttp.noBody())));
	}

	/**
	 * Gives a browser back to its pool, to be reused as it is.
	 * @param idOrName the pool's id or name
	 * @param sessionId the browser's session id
	 * @return completion
	 */
	public Mono<Void> release(String idOrName, String sessionId) {
		return release(idOrName, new ReleaseRequest(sessionId, null));
	}

	/**
	 * Gives a browser back to its pool ({@code POST /browser_pools/{id_or_name}/release}).
	 *
	 * <p>Only failures the server answered (429, 5xx) are retried: a release whose answer was
	 * lost may have been carried out, and with reuse the same session may by now be leased to
	 * someone else, whom a second release would rob. {@link #release(String, Browser, boolean)}
	 * can tell, and retries those too.
	 * @param idOrName the pool's id or name
	 * @param request the session id and whether the browser is reused or replaced
	 * @return completion
	 */
	public Mono<Void> release(String idOrName, ReleaseRequest request) {
		return Mono.defer(() -> {
			ApiRequest<Void> release = releaseRequest(idOrName, request);
			RetryPolicy policy = this.http.retryPolicy();
			return this.http.retried(this.http.attempt(release, this.http.readTimeout()), policy,
					(failure) -> !mayHaveBeenCarriedOut(failure) && policy.isRetryable(failure), (failure) -> {
					});
		});
	}

	/**
	 * Gives back a browser this client acquired, as a lease ends. A browser never given back
	 * costs money until its idle timeout, so this tries harder than
	 * {@link #release(String, ReleaseRequest)}: at least {@value #MIN_RELEASE_RETRIES}
	 * retries, and a release whose answer was lost is retried only while the session still
	 * carries the {@link #ACQUIRE_ID_TAG tag} of the acquire that leased it to this client;
	 * once it does not (it is back in the pool, or leased to someone else) it counts as
	 * released.
	 * @param idOrName the pool's id or name
	 * @param browser the browser, as the acquire answered it
	 * @param reuse whether the browser goes back as it is or is replaced
	 * @return completion
	 */
	public Mono<Void> release(String idOrName, Browser browser, boolean reuse) {
		return Mono.defer(() -> {
			ApiRequest<Void> release = releaseRequest(idOrName, new ReleaseRequest(browser.sessionId(), reuse));
			String acquireId = (browser.tags() != null) ? browser.tags().get(ACQUIRE_ID_TAG) : null;
			RetryPolicy policy = this.http.retryPolicy();
			// When the lookup itself fails nobody knows whether the release went through: no
			// more attempts then, lest one release someone else's lease.
			AtomicBoolean unsure = new AtomicBoolean();
			Mono<Void> attempt = this.http.attempt(release, this.http.readTimeout())
				.onErrorResume(BrowserPoolsApi::mayHaveBeenCarriedOut,
						(failure) -> stillLeasedBy(browser.sessionId(), acquireId)
							.doOnError((lookupFailure) -> unsure.set(true))
							.flatMap((leased) -> leased ? Mono.error(failure) : Mono.empty()));
			return this.http.retried(attempt, policy.withMaxRetries(Math.max(policy.maxRetries(), MIN_RELEASE_RETRIES)),
					(failure) -> !unsure.get() && policy.isRetryable(failure), (failure) -> {
					});
		});
	}

	private ApiRequest<Void> releaseRequest(String idOrName, ReleaseRequest request) {
		Map<String, Object> path = poolPath(idOrName);
		RequestValidator.validate(request);
		return ApiRequest.of(HttpMethod.POST, RELEASE, path, KernelHttp.noBody()).body(request);
	}

	// The request was sent, but no answer came whole: the server may have carried it out.
	private static boolean mayHaveBeenCarriedOut(Throwable failure) {
		return failure instanceof KernelTimeoutException || failure instanceof KernelConnectionException;
	}

	/**
	 * Tells whether the session is still leased by the acquire with this id. Without an id
	 * there is no telling, and then the answer is no: better a browser left to its idle
	 * timeout than a release of someone else's lease.
	 */
	private Mono<Boolean> stillLeasedBy(String sessionId, @Nullable String acquireId) {
		if (acquireId == null) {
			return Mono.just(false);
		}
		return this.browsers.retrieve(sessionId)
			.map((session) -> session.tags() != null && acquireId.equals(session.tags().get(ACQUIRE_ID_TAG)))
			.onErrorResume(NotFoundException.class, (gone) -> Mono.just(false));
	}

	/**
	 * Sends one acquire poll with the server's default poll time.
	 * @param idOrName the pool's id or name
	 * @return a browser, or {@link AcquireOutcome.NoBrowserYet} when the poll time passed
	 */
	public Mono<AcquireOutcome> tryAcquire(String idOrName) {
		return tryAcquire(idOrName, new AcquireRequest(null, null, null, null));
	}

	/**
	 * Sends one acquire poll ({@code POST /browser_pools/{id_or_name}/acquire}): the server
	 * answers at once when a browser is idle, else holds the poll for
	 * {@code acquire_timeout_seconds}. Failures are retried by the client's retry policy.
	 *
	 * <p>Cancel-safe: if the subscriber cancels while the poll is in flight and the server
	 * still hands out a browser, the client releases it.
	 * @param idOrName the pool's id or name
	 * @param request the poll's body
	 * @return a browser, or {@link AcquireOutcome.NoBrowserYet} when the poll time passed
	 */
	public Mono<AcquireOutcome> tryAcquire(String idOrName, AcquireRequest request) {
		return Mono.defer(() -> poll(idOrName, request, (failure) -> {
		}))
			.<AcquireOutcome>map(AcquireOutcome.Acquired::new)
			.defaultIfEmpty(new AcquireOutcome.NoBrowserYet());
	}

	/**
	 * Acquires a browser with the default options: polls for up to 60 s.
	 * @param idOrName the pool's id or name
	 * @return the browser, which the caller must release
	 */
	public Mono<Browser> acquire(String idOrName) {
		return acquire(idOrName, AcquireOptions.defaults());
	}

	/**
	 * Acquires a browser: polls again after each 204 until a browser comes or the overall
	 * deadline passes. Each poll asks the server to hold it for the poll time, or for what is
	 * left of the deadline when that is less. Failed polls are retried by the client's retry
	 * policy (its count starts afresh after each 204).
	 *
	 * <p>Cancel-safe: if the subscriber cancels while a poll is in flight and the server still
	 * hands out a browser, the client releases it.
	 * @param idOrName the pool's id or name
	 * @param options deadline, poll time, poll body and listener
	 * @return the browser, which the caller must release; an {@link AcquireTimeoutException}
	 * naming the pool, the wait and the number of polls when the deadline passes
	 */
	public Mono<Browser> acquire(String idOrName, AcquireOptions options) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			AtomicInteger polls = new AtomicInteger();
			return Mono.defer(() -> {
				Duration waited = Duration.ofNanos(System.nanoTime() - started);
				Duration remaining = options.acquireTimeout().minus(waited);
				if (remaining.isNegative() || remaining.isZero()) {
					return Mono.error(new AcquireTimeoutException(idOrName, waited, polls.get()));
				}
				polls.incrementAndGet();
				AcquireRequest request = options.request().withAcquireTimeoutSeconds(pollSeconds(options, remaining));
				return poll(idOrName, request,
						(failure) -> options.listener().pollRetried(idOrName, AcquireRetryReason.of(failure)));
			})
				.repeatWhenEmpty((emptyPolls) -> emptyPolls
					.doOnNext((ignored) -> options.listener().pollRetried(idOrName, AcquireRetryReason.NO_CONTENT)));
		});
	}

	private static int pollSeconds(AcquireOptions options, Duration remaining) {
		long remainingSeconds = (remaining.toMillis() + 999) / 1000;
		return (int) Math.max(1, Math.min(options.pollTimeout().toSeconds(), remainingSeconds));
	}

	/**
	 * One poll, retried by the policy, whose HTTP exchange outlives a cancelled subscriber: a
	 * browser that arrives after the cancel is discarded into {@link #releaseOrphan}.
	 */
	private Mono<Browser> poll(String idOrName, AcquireRequest request, Consumer<Throwable> beforeRetry) {
		Map<String, Object> path = poolPath(idOrName);
		RequestValidator.validate(request);
		Integer seconds = request.acquireTimeoutSeconds();
		// The server may hold the poll that long; the answer then needs the usual read time.
		Duration timeout = (seconds != null) ? Duration.ofSeconds(seconds).plus(this.http.readTimeout())
				: this.http.readTimeout();
		Mono<Browser> exchange = this.http.retried(Mono.defer(() -> {
			String acquireId = newAcquireId();
			boolean tagged = request.tags() == null || request.tags().size() < RequestValidator.MAX_TAGS;
			AcquireRequest body = tagged ? request.withTag(ACQUIRE_ID_TAG, acquireId) : request;
			return this.http
				.attempt(ApiRequest.of(HttpMethod.POST, ACQUIRE, path,
						KernelHttp.jsonOrNoContent(Browser.class, BrowsersApi::missingRequiredField))
					.body(body)
					.longPoll(), timeout)
				.onErrorResume((failure) -> tagged && mayHaveBeenCarriedOut(failure),
						(failure) -> findLostBrowser(idOrName, acquireId).switchIfEmpty(Mono.error(failure)));
		}), beforeRetry);
		// Not cancelling the exchange when the subscriber cancels is the point: MonoCreate
		// discards a value that arrives after the cancel, and the discard hook releases it.
		// Only cancelPolls() ends an exchange early.
		return Mono.<Browser>create((sink) -> {
			InFlightPoll poll = new InFlightPoll(idOrName, sink);
			this.polls.add(poll);
			poll.start(exchange.doFinally((signal) -> this.polls.remove(poll)));
		}).doOnDiscard(Browser.class, (orphan) -> releaseOrphan(idOrName, orphan));
	}

	/**
	 * Cancels every acquire poll in flight: each one's connection closes, so the server takes
	 * it off its queue, and its acquire ends with an {@link AcquireCancelledException}. Meant
	 * for shutdown, before the browsers still held are released, so that no waiting acquire
	 * is handed a browser nobody will use.
	 */
	public void cancelPolls() {
		this.polls.forEach(InFlightPoll::cancel);
	}

	/**
	 * One acquire poll whose HTTP exchange runs apart from its subscriber.
	 */
	private static final class InFlightPoll {

		private final String pool;

		private final MonoSink<Browser> sink;

		private volatile @Nullable Disposable exchange;

		InFlightPoll(String pool, MonoSink<Browser> sink) {
			this.pool = pool;
			this.sink = sink;
		}

		void start(Mono<Browser> exchange) {
			this.exchange = exchange.subscribe(this.sink::success, this.sink::error, this.sink::success);
		}

		void cancel() {
			Disposable running = this.exchange;
			if (running != null) {
				running.dispose();
			}
			this.sink.error(new AcquireCancelledException(this.pool));
		}

	}

	// Unique enough to find one session among a pool's, and cheaper than UUID's SecureRandom.
	private static String newAcquireId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
	}


	/**
	 * Looks for the browser a lost poll may have leased, by the poll's tag, before the poll is
	 * sent again: a lost answer must not turn into a second lease.
	 */
	private Mono<Browser> findLostBrowser(String idOrName, String acquireId) {
		return this.browsers.list()
			.filter((browser) -> browser.tags() != null && acquireId.equals(browser.tags().get(ACQUIRE_ID_TAG)))
			.next()
			.doOnNext((browser) -> logger.info("Recovered browser " + browser.sessionId() + " of pool '" + idOrName
					+ "' whose acquire answer was lost"))
			.onErrorResume((lookupFailure) -> Mono.empty());
	}

	private void releaseOrphan(String idOrName, Browser orphan) {
		logger.info("Releasing browser " + orphan.sessionId() + " of pool '" + idOrName
				+ "': it arrived after its acquire was cancelled");
		release(idOrName, orphan, true).subscribe(null,
				(failure) -> logger.warn("Could not release browser " + orphan.sessionId() + " of pool '" + idOrName
						+ "' whose acquire was cancelled; it stays leased until its idle timeout: "
						+ failure.getMessage()));
	}

	private static Map<String, Object> poolPath(String idOrName) {
		RequestValidator.checkNotBlank("id_or_name", idOrName);
		return Map.of("id_or_name", idOrName);
	}

	static ApiRequest.SuccessReader<BrowserPool> pool() {
		return KernelHttp.json(BrowserPool.class, BrowserPoolsApi::missingRequiredField);
	}

	private static @Nullable String missingRequiredField(BrowserPool pool) {
		return (pool.id() == null || pool.id().isBlank()) ? "id" : null;
	}

}
