package io.github.kernelboot.client;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

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

	/** Most active sessions looked through for the browser of a lost acquire answer. */
	static final int LOST_BROWSER_SCAN = 1000;

	private final KernelHttp http;

	private final BrowsersApi browsers;

	private final Set<InFlightPoll> polls = ConcurrentHashMap.newKeySet();

	private volatile boolean stopped;

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
			return sendRecovering(() -> this.http.attempt(release, this.http.readTimeout()), null,
					this.http.retryPolicy(), KernelHttp.NO_RETRY_LISTENER);
		});
	}

	/**
	 * Gives back a browser this client acquired, as a lease ends. A browser never given back
	 * costs money until its idle timeout, so this tries harder than
	 * {@link #release(String, ReleaseRequest)}: at least {@value #MIN_RELEASE_RETRIES}
	 * retries, and a release whose answer was lost is sent again only while the session still
	 * carries the {@link #ACQUIRE_ID_TAG tag} of the acquire that leased it to this client.
	 * Once it does not (it is back in the pool, or leased to someone else), or a repeated
	 * release finds it no longer leased (404), it counts as released.
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
			AtomicInteger sent = new AtomicInteger();
			Supplier<Mono<Void>> attempt = () -> {
				boolean repeated = sent.getAndIncrement() > 0;
				return this.http.attempt(release, this.http.readTimeout())
					.onErrorResume((failure) -> repeated && failure instanceof NotFoundException,
							(alreadyReleased) -> Mono.empty());
			};
			Function<Throwable, Mono<Void>> recovery = (acquireId != null) ? (failure) -> stillLeasedBy(
					browser.sessionId(), acquireId)
				.flatMap((leased) -> leased ? Mono.error(failure) : Mono.empty()) : null;
			return sendRecovering(attempt, recovery,
					policy.withMaxRetries(Math.max(policy.maxRetries(), MIN_RELEASE_RETRIES)), KernelHttp.NO_RETRY_LISTENER);
		});
	}

	private ApiRequest<Void> releaseRequest(String idOrName, ReleaseRequest request) {
		Map<String, Object> path = poolPath(idOrName);
		RequestValidator.validate(request);
		return ApiRequest.of(HttpMethod.POST, RELEASE, path, KernelHttp.noBody()).body(request);
	}

	/**
	 * Sends a request that changes the pool, retrying by the policy, and never blindly sends
	 * it again after its answer was lost: the server may have carried it out. Then the
	 * recovery (when there is one) finds out what happened: it answers the outcome (a value,
	 * or empty when nothing is left to do), or fails with the original failure when sending
	 * again is safe. Without a recovery, or when the recovery's own lookup fails, the lost
	 * answer ends the call.
	 */
	private <T> Mono<T> sendRecovering(Supplier<Mono<T>> attempt, @Nullable Function<Throwable, Mono<T>> recovery,
			RetryPolicy policy, Consumer<Throwable> beforeRetry) {
		AtomicBoolean unsure = new AtomicBoolean();
		Mono<T> attempts = Mono.defer(attempt).onErrorResume(BrowserPoolsApi::mayHaveBeenCarriedOut, (failure) -> {
			if (recovery == null) {
				unsure.set(true);
				return Mono.error(failure);
			}
			return recovery.apply(failure).onErrorMap((other) -> other != failure, (lookupFailure) -> {
				unsure.set(true);
				return lookupFailure;
			});
		});
		return this.http.retried(attempts, policy, (failure) -> !unsure.get() && policy.isRetryable(failure),
				beforeRetry);
	}

	// The request was sent, but no answer came whole: the server may have carried it out.
	private static boolean mayHaveBeenCarriedOut(Throwable failure) {
		return failure instanceof KernelTimeoutException || failure instanceof KernelConnectionException;
	}

	/**
	 * Tells whether the session is still leased by the acquire with this id.
	 */
	private Mono<Boolean> stillLeasedBy(String sessionId, String acquireId) {
		return this.browsers.retrieve(sessionId)
			.map((session) -> session.tags() != null && acquireId.equals(session.tags().get(ACQUIRE_ID_TAG)))
			.onErrorResume(NotFoundException.class, (gone) -> Mono.just(false));
	}

	/**
	 * Sends one acquire poll that the server may hold for the default poll time.
	 * @param idOrName the pool's id or name
	 * @return a browser, or {@link AcquireOutcome.NoBrowserYet} when the poll time passed
	 */
	public Mono<AcquireOutcome> tryAcquire(String idOrName) {
		return tryAcquire(idOrName, new AcquireRequest(null, null, null, null));
	}

	/**
	 * Sends one acquire poll ({@code POST /browser_pools/{id_or_name}/acquire}): the server
	 * answers at once when a browser is idle, else holds the poll for
	 * {@code acquire_timeout_seconds} ({@link AcquireOptions#DEFAULT_POLL_TIMEOUT} when the
	 * request names none). Failures are retried by the client's retry policy.
	 *
	 * <p>Cancel-safe: if the subscriber cancels while the poll is in flight and the server
	 * still hands out a browser, the client releases it.
	 * @param idOrName the pool's id or name
	 * @param request the poll's body
	 * @return a browser, or {@link AcquireOutcome.NoBrowserYet} when the poll time passed
	 */
	public Mono<AcquireOutcome> tryAcquire(String idOrName, AcquireRequest request) {
		return Mono.defer(() -> poll(idOrName, request, KernelHttp.NO_RETRY_LISTENER))
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
	 * hands out a browser, the client releases it. The same holds when the deadline passes
	 * during a poll.
	 * @param idOrName the pool's id or name
	 * @param options deadline, poll time, poll body and listener
	 * @return the browser, which the caller must release; an {@link AcquireTimeoutException}
	 * naming the pool, the wait and the number of polls when the deadline passes
	 */
	public Mono<Browser> acquire(String idOrName, AcquireOptions options) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			AtomicInteger polls = new AtomicInteger();
			AtomicBoolean afterNoContent = new AtomicBoolean();
			Supplier<AcquireTimeoutException> timedOut = () -> new AcquireTimeoutException(idOrName,
					Duration.ofNanos(System.nanoTime() - started), polls.get());
			return Mono.defer(() -> {
				Duration remaining = options.acquireTimeout().minus(Duration.ofNanos(System.nanoTime() - started));
				if (remaining.isNegative() || remaining.isZero()) {
					return Mono.error(timedOut.get());
				}
				// A 204 counts as a retry only once another poll follows it.
				if (afterNoContent.getAndSet(false)) {
					options.listener().pollRetried(idOrName, AcquireRetryReason.NO_CONTENT);
				}
				polls.incrementAndGet();
				AcquireRequest request = options.request().withAcquireTimeoutSeconds(pollSeconds(options, remaining));
				return poll(idOrName, request,
						(failure) -> options.listener().pollRetried(idOrName, AcquireRetryReason.of(failure)));
			})
				.repeatWhenEmpty((emptyPolls) -> emptyPolls.doOnNext((ignored) -> afterNoContent.set(true)))
				// The deadline holds even when one poll stalls: the poll then goes on alone, and a
				// browser it still brings is released.
				.timeout(options.acquireTimeout(), Mono.defer(() -> Mono.error(timedOut.get())));
		});
	}

	private static int pollSeconds(AcquireOptions options, Duration remaining) {
		long remainingSeconds = (remaining.toMillis() + 999) / 1000;
		return (int) Math.max(1, Math.min(options.pollTimeout().toSeconds(), remainingSeconds));
	}

	/**
	 * One poll, retried by the policy, whose HTTP exchange outlives a cancelled subscriber: a
	 * browser that arrives after the cancel is released. A poll whose answer is lost is sent
	 * again only when the browser it may have leased is not found by the poll's tag.
	 */
	private Mono<Browser> poll(String idOrName, AcquireRequest asked, Consumer<Throwable> beforeRetry) {
		if (this.stopped) {
			return Mono.error(new AcquireCancelledException(idOrName));
		}
		Map<String, Object> path = poolPath(idOrName);
		// The poll time is always sent: the server's default (the time to fill the pool) may
		// exceed the client's read timeout.
		AcquireRequest request = (asked.acquireTimeoutSeconds() != null) ? asked
				: asked.withAcquireTimeoutSeconds((int) AcquireOptions.DEFAULT_POLL_TIMEOUT.toSeconds());
		RequestValidator.validate(request);
		// The server may hold the poll that long; the answer then needs the usual read time.
		Duration timeout = Duration.ofSeconds(request.acquireTimeoutSeconds()).plus(this.http.readTimeout());
		boolean tagged = request.tags() == null || request.tags().size() < RequestValidator.MAX_TAGS;
		AtomicReference<String> acquireId = new AtomicReference<>();
		Supplier<Mono<Browser>> attempt = () -> {
			acquireId.set(newAcquireId());
			AcquireRequest body = tagged ? request.withTag(ACQUIRE_ID_TAG, acquireId.get()) : request;
			return this.http.attempt(ApiRequest.of(HttpMethod.POST, ACQUIRE, path,
					KernelHttp.jsonOrNoContent(Browser.class, BrowsersApi::missingRequiredField))
				.body(body)
				.longPoll(), timeout);
		};
		Function<Throwable, Mono<Browser>> recovery = tagged
				? (failure) -> findLostBrowser(idOrName, acquireId.get()).switchIfEmpty(Mono.error(failure)) : null;
		Mono<Browser> exchange = sendRecovering(attempt, recovery, this.http.retryPolicy(), beforeRetry);
		// Not cancelling the exchange when the subscriber cancels is the point: a browser that
		// arrives after the cancel is released. Only cancelPolls() ends an exchange early.
		return Mono.create((sink) -> {
			InFlightPoll poll = new InFlightPoll(idOrName, sink);
			this.polls.add(poll);
			sink.onCancel(poll::abandon);
			// cancelPolls() may have gone through the polls between the check above and the add.
			if (this.stopped) {
				this.polls.remove(poll);
				poll.cancel();
				return;
			}
			poll.start(exchange.doFinally((signal) -> this.polls.remove(poll)),
					(orphan) -> releaseOrphan(idOrName, orphan));
		});
	}

	/**
	 * Cancels every acquire poll in flight, and refuses new ones until
	 * {@link #resumePolls()}: each poll's connection closes, so the server takes it off its
	 * queue, and its acquire ends with an {@link AcquireCancelledException}. Meant for
	 * shutdown, before the browsers still held are released, so that no waiting acquire is
	 * handed a browser nobody will use.
	 */
	public void cancelPolls() {
		this.stopped = true;
		this.polls.forEach(InFlightPoll::cancel);
	}

	/**
	 * Accepts acquire polls again after {@link #cancelPolls()}.
	 */
	public void resumePolls() {
		this.stopped = false;
	}

	/**
	 * One acquire poll whose HTTP exchange runs apart from its subscriber. Whichever comes
	 * first settles it: the exchange's outcome or a cancel; a browser that comes second is
	 * released.
	 */
	private static final class InFlightPoll {

		// Where Micrometer's context propagation keeps the current observation.
		private static final String OBSERVATION_KEY = "micrometer.observation";

		private final String pool;

		private final MonoSink<Browser> sink;

		private final AtomicBoolean settled = new AtomicBoolean();

		private volatile boolean cancelled;

		private volatile @Nullable Disposable exchange;

		InFlightPoll(String pool, MonoSink<Browser> sink) {
			this.pool = pool;
			this.sink = sink;
		}

		void start(Mono<Browser> exchange, Consumer<Browser> orphans) {
			if (this.cancelled) {
				return;
			}
			// The subscriber's observation goes with the exchange, so that its HTTP spans have
			// a parent; the rest of its context (discard hooks among others) stays behind.
			Object observation = this.sink.contextView().getOrDefault(OBSERVATION_KEY, null);
			Mono<Browser> observed = (observation != null)
					? exchange.contextWrite((context) -> context.put(OBSERVATION_KEY, observation)) : exchange;
			this.exchange = observed.subscribe((browser) -> {
				if (this.settled.compareAndSet(false, true)) {
					this.sink.success(browser);
				}
				else {
					orphans.accept(browser);
				}
			}, (failure) -> {
				if (this.settled.compareAndSet(false, true)) {
					this.sink.error(failure);
				}
			}, () -> {
				if (this.settled.compareAndSet(false, true)) {
					this.sink.success();
				}
			});
			if (this.cancelled) {
				this.exchange.dispose();
			}
		}

		/**
		 * The subscriber went away: the exchange goes on, and a browser it brings is released.
		 */
		void abandon() {
			this.settled.set(true);
		}

		/**
		 * Ends the exchange, abandoned or not: at shutdown nobody would release what it
		 * brings later. Its subscriber, if still there, gets an
		 * {@link AcquireCancelledException}.
		 */
		void cancel() {
			this.cancelled = true;
			Disposable running = this.exchange;
			if (running != null) {
				running.dispose();
			}
			if (this.settled.compareAndSet(false, true)) {
				this.sink.error(new AcquireCancelledException(this.pool));
			}
		}

	}

	// Unique enough to find one session among a pool's, and cheaper than UUID's SecureRandom.
	private static String newAcquireId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
	}

	/**
	 * Looks for the browser a lost poll may have leased, by the poll's tag, among the first
	 * {@value #LOST_BROWSER_SCAN} active sessions, before the poll is sent again: a lost
	 * answer must not turn into a second lease.
	 */
	private Mono<Browser> findLostBrowser(String idOrName, String acquireId) {
		return this.browsers.list(BrowserListQuery.active().withPageSize(100))
			.take(LOST_BROWSER_SCAN)
			.filter((browser) -> browser.tags() != null && acquireId.equals(browser.tags().get(ACQUIRE_ID_TAG)))
			.next()
			.doOnNext((browser) -> logger.info("Recovered browser " + browser.sessionId() + " of pool '" + idOrName
					+ "' whose acquire answer was lost"));
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
