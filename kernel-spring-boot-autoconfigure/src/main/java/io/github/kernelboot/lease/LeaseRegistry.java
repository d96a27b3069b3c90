package io.github.kernelboot.lease;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.kernelboot.client.AcquireCancelledException;
import io.github.kernelboot.client.BrowserPoolsApi;
import io.github.kernelboot.client.model.Browser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Every lease that is held, and the one place that releases them: each lease's single
 * release request goes through here, and whatever is still held when the application stops
 * is released, in parallel, with a bounded wait.
 *
 * <p>Leases are released in the lifecycle's stop phase {@link #PHASE}: after the web server
 * has stopped taking requests, before the HTTP client's resources (Reactor Netty's event
 * loops, phase 0) are shut down, so that the release requests can still be sent. As a
 * {@link DisposableBean} it does the same when the context is destroyed without being
 * stopped (a refresh that failed). A lease that arrives once the registry is closed is
 * released at once.
 */
public final class LeaseRegistry implements SmartLifecycle, DisposableBean {

	/** Stop phase: after the web server's (DEFAULT_PHASE - 2048), before Reactor Netty's (0). */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(LeaseRegistry.class);

	private final BrowserPoolsApi pools;

	private final LeaseMetrics metrics;

	private final Duration shutdownTimeout;

	private final Set<BrowserLease> active = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	/**
	 * Creates a registry.
	 * @param pools the client calls that release browsers
	 * @param metrics told of leases opened and closed
	 * @param shutdownTimeout longest wait for the releases at shutdown
	 */
	public LeaseRegistry(BrowserPoolsApi pools, LeaseMetrics metrics, Duration shutdownTimeout) {
		this.pools = pools;
		this.metrics = metrics;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Wraps an acquired browser in a lease that this registry tracks. If the registry is
	 * closed, the browser is released at once and the result is an error.
	 * @param browser the acquired browser
	 * @param pool the pool it came from
	 * @param settings the pool's settings
	 * @param acquireTime how long the acquire waited
	 * @param acquisitionSite where the acquire was made, for leak reports, or {@code null}
	 * @return the lease
	 */
	Mono<BrowserLease> register(Browser browser, String pool, PoolSettings settings, Duration acquireTime,
			@Nullable Throwable acquisitionSite) {
		BrowserLease lease = new BrowserLease(browser, pool, acquireTime, settings.releaseReuse(), this,
				acquisitionSite);
		this.active.add(lease);
		this.metrics.leaseOpened(lease);
		if (this.closed) {
			return lease.releaseAsync()
				.onErrorComplete()
				.then(Mono.error(() -> new AcquireCancelledException(pool, "browser " + browser.sessionId()
						+ " arrived while the application is shutting down; it has been released")));
		}
		Duration threshold = settings.leakDetectionThreshold();
		if (threshold != null) {
			lease.leakCheck(Schedulers.parallel()
				.schedule(() -> reportLeak(lease), threshold.toMillis(), TimeUnit.MILLISECONDS));
		}
		return Mono.just(lease);
	}

	/**
	 * Sends the release request of a lease: called once per lease, by the lease.
	 */
	Mono<Void> release(BrowserLease lease, boolean reuse) {
		return this.pools.release(lease.pool(), lease.browser(), reuse)
			.doOnSuccess((ignored) -> closed(lease, true))
			.doOnError((failure) -> {
				closed(lease, false);
				logger.warn("Release of browser " + lease.sessionId() + " of pool '" + lease.pool()
						+ "' failed; it stays leased until its idle timeout: " + failure.getMessage());
			});
	}

	private void closed(BrowserLease lease, boolean released) {
		lease.cancelLeakCheck();
		if (this.active.remove(lease)) {
			this.metrics.leaseClosed(lease, lease.heldFor(), released);
		}
	}

	private void reportLeak(BrowserLease lease) {
		if (this.active.contains(lease) && !lease.isReleased()) {
			logger.warn("Browser lease leak detection triggered for browser " + lease.sessionId() + " of pool '"
					+ lease.pool() + "', held for " + lease.heldFor().toMillis()
					+ " ms; it was acquired at the stack trace that follows", lease.acquisitionSite());
		}
	}

	/**
	 * Returns the leases held now.
	 * @return a snapshot of the held leases
	 */
	public List<BrowserLease> activeLeases() {
		return List.copyOf(this.active);
	}

	/**
	 * Releases every lease still held, in parallel, waiting at most the shutdown timeout.
	 */
	public void releaseAll() {
		List<BrowserLease> held = activeLeases();
		if (held.isEmpty()) {
			return;
		}
		logger.info("Releasing " + held.size() + " browser lease(s) still held");
		try {
			Flux.fromIterable(held)
				.flatMap((lease) -> lease.releaseAsync().onErrorComplete())
				.then()
				.block(this.shutdownTimeout);
		}
		catch (IllegalStateException ex) {
			logger.warn("Gave up waiting after " + this.shutdownTimeout.toMillis() + " ms for " + this.active.size()
					+ " browser release(s); those browsers stay leased until their idle timeout");
		}
	}

	@Override
	public void start() {
		this.pools.resumePolls();
		this.closed = false;
	}

	/**
	 * Closes the registry: cancels the acquire polls in flight (so no waiting acquire is
	 * handed a browser nobody will use), then releases every lease still held.
	 */
	@Override
	public void stop() {
		this.closed = true;
		this.pools.cancelPolls();
		releaseAll();
	}

	/**
	 * Returns the longest wait for releases at shutdown.
	 * @return the shutdown timeout
	 */
	Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Tells whether leases may still be taken: false once the application is stopping.
	 * @return whether the registry is open
	 */
	@Override
	public boolean isRunning() {
		return !this.closed;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	// Once stopped, what arrives later is released by register(): a second round would only
	// wait out the shutdown timeout again for releases that already failed.
	@Override
	public void destroy() {
		if (!this.closed) {
			stop();
		}
	}

}
