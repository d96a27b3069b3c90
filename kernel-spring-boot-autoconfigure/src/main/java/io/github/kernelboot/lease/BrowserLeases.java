package io.github.kernelboot.lease;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.kernelboot.client.AcquireCancelledException;
import io.github.kernelboot.client.AcquireOptions;
import io.github.kernelboot.client.AcquireTimeoutException;
import io.github.kernelboot.client.BrowserPoolsApi;
import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.Browser;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;

/**
 * Hands out browser leases per task. Prefer {@link #withLease(String, Function)}: it releases
 * the browser however the task ends.
 *
 * <pre class="code">
 * Mono&lt;byte[]&gt; png = leases.withLease("snapshots", (lease) -&gt; render(lease.cdpWsUrl(), url));
 * </pre>
 *
 * Leases taken with {@link #acquire(String)} must be released by the caller; any still held
 * when the application stops are released then.
 */
public class BrowserLeases {

	/** Name of the observation (and timer) of one whole acquire. */
	public static final String ACQUIRE_OBSERVATION = "kernel.browser.acquire";

	private static final AcquireRequest NO_EXTRAS = new AcquireRequest(null, null, null, null);

	private final BrowserPoolsApi pools;

	private final LeaseRegistry registry;

	private final Function<String, PoolSettings> settings;

	private final ObservationRegistry observations;

	private final LeaseMetrics metrics;

	/**
	 * Creates the lease source.
	 * @param pools the client calls that acquire browsers
	 * @param registry tracks and releases the leases
	 * @param settings the settings of each pool, by name
	 * @param observations where the acquire observations go
	 * @param metrics told of retried polls
	 */
	public BrowserLeases(BrowserPoolsApi pools, LeaseRegistry registry, Function<String, PoolSettings> settings,
			ObservationRegistry observations, LeaseMetrics metrics) {
		this.pools = pools;
		this.registry = registry;
		this.settings = settings;
		this.observations = observations;
		this.metrics = metrics;
	}

	/**
	 * Acquires a browser from the pool, waiting up to its {@code acquire-timeout}.
	 * @param pool the pool's name or id
	 * @return the lease, which the caller must release; an
	 * {@link io.github.kernelboot.client.AcquireTimeoutException} if none came in time
	 */
	public Mono<BrowserLease> acquire(String pool) {
		return acquire(pool, NO_EXTRAS);
	}

	/**
	 * Acquires a browser from the pool, giving the session a name, tags or a start URL.
	 * @param pool the pool's name or id
	 * @param request name, start URL and tags for the acquired session
	 * @return the lease, which the caller must release
	 */
	public Mono<BrowserLease> acquire(String pool, AcquireRequest request) {
		PoolSettings poolSettings = this.settings.apply(pool);
		// Captured where acquire is called, as HikariCP does: what a leak report points at.
		Throwable site = (poolSettings.leakDetectionThreshold() != null)
				? new Exception("Lease of pool '" + pool + "' acquired here") : null;
		return Mono.defer(() -> {
			if (!this.registry.isRunning()) {
				return Mono.error(new AcquireCancelledException(pool, "the application is shutting down"));
			}
			AcquireOptions options = new AcquireOptions(poolSettings.acquireTimeout(), poolSettings.pollTimeout(),
					request, this.metrics::acquireRetried);
			long started = System.nanoTime();
			return observed(pool, this.pools.acquire(pool, options)).flatMap((browser) -> this.registry.register(browser,
					pool, poolSettings, Duration.ofNanos(System.nanoTime() - started), site));
		});
	}

	/**
	 * Runs the work with a browser from the pool and releases it when the work completes,
	 * fails or is cancelled; a cancelled one is released without reuse.
	 * @param <T> the result type
	 * @param pool the pool's name or id
	 * @param work what to do with the lease
	 * @return the work's result
	 */
	public <T> Mono<T> withLease(String pool, Function<BrowserLease, ? extends Mono<T>> work) {
		// On cancel the work may still be driving the browser (blocking work cannot be
		// stopped), so it is not handed on as it is: it is replaced.
		return Mono.usingWhen(acquire(pool), work, BrowserLease::releaseAsync,
				(lease, failure) -> lease.releaseAsync(), (lease) -> lease.releaseAsync(false));
	}

	// The observation stops before the outcome reaches the subscriber, so that whoever
	// sees the lease (or the error) also sees it recorded.
	private Mono<Browser> observed(String pool, Mono<Browser> acquire) {
		return Mono.defer(() -> {
			Observation observation = Observation.createNotStarted(ACQUIRE_OBSERVATION, this.observations)
				.lowCardinalityKeyValue("pool", pool)
				.contextualName("kernel acquire " + pool)
				.start();
			AtomicBoolean stopped = new AtomicBoolean();
			Consumer<String> stop = (outcome) -> {
				if (stopped.compareAndSet(false, true)) {
					observation.lowCardinalityKeyValue("outcome", outcome).stop();
				}
			};
			return acquire.doOnSuccess((browser) -> stop.accept("acquired")).doOnError((failure) -> {
				observation.error(failure);
				stop.accept((failure instanceof AcquireTimeoutException) ? "timeout"
						: (failure instanceof AcquireCancelledException) ? "cancelled" : "error");
			})
				.doOnCancel(() -> stop.accept("cancelled"))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

}
