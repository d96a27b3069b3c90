package io.github.kernelboot.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.Secrets;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;

/**
 * A browser acquired from a pool, held until it is released. Drive it over CDP at
 * {@link #cdpWsUrl()} (for example with Playwright's {@code connectOverCDP}).
 *
 * <p>Release it with {@link #close()} (try-with-resources), {@link #release(boolean)} or
 * {@link #releaseAsync()}; whatever calls them, from any thread and however often, at most one
 * release request is sent. A lease that is never released is released when the application
 * context closes.
 */
public final class BrowserLease implements AutoCloseable, DisposableBean {

	private final Browser browser;

	private final String pool;

	private final Instant acquiredAt;

	private final long acquiredNanos;

	private final Duration acquireTime;

	private final boolean defaultReuse;

	private final LeaseRegistry registry;

	private final @Nullable Throwable acquisitionSite;

	private final AtomicBoolean releaseStarted = new AtomicBoolean();

	private final Sinks.One<Void> releaseOutcome = Sinks.one();

	private volatile @Nullable Disposable leakCheck;

	BrowserLease(Browser browser, String pool, Duration acquireTime, boolean defaultReuse, LeaseRegistry registry,
			@Nullable Throwable acquisitionSite) {
		this.browser = browser;
		this.pool = pool;
		this.acquiredAt = Instant.now();
		this.acquiredNanos = System.nanoTime();
		this.acquireTime = acquireTime;
		this.defaultReuse = defaultReuse;
		this.registry = registry;
		this.acquisitionSite = acquisitionSite;
	}

	/**
	 * Returns the browser as the server described it.
	 * @return the browser
	 */
	public Browser browser() {
		return this.browser;
	}

	/**
	 * Returns the browser's session id.
	 * @return the session id
	 */
	public String sessionId() {
		return this.browser.sessionId();
	}

	/**
	 * Returns the websocket URL for CDP connections. It carries a {@code jwt}: a credential,
	 * to be given to a CDP client only, never logged.
	 * @return the CDP websocket URL
	 */
	public String cdpWsUrl() {
		return this.browser.cdpWsUrl();
	}

	/**
	 * Returns the pool the browser was acquired from, as the acquire named it.
	 * @return the pool
	 */
	public String pool() {
		return this.pool;
	}

	/**
	 * Returns when the browser was acquired.
	 * @return the time of acquisition
	 */
	public Instant acquiredAt() {
		return this.acquiredAt;
	}

	/**
	 * Returns how long the acquire waited for this browser, across all its polls.
	 * @return the wait for the browser
	 */
	public Duration acquireTime() {
		return this.acquireTime;
	}

	/**
	 * Returns how long the lease has been held.
	 * @return the time since acquisition
	 */
	public Duration heldFor() {
		return Duration.ofNanos(System.nanoTime() - this.acquiredNanos);
	}

	/**
	 * Tells whether a release has been started.
	 * @return whether the lease is being or has been released
	 */
	public boolean isReleased() {
		return this.releaseStarted.get();
	}

	/**
	 * Releases the browser, reused or not as the pool's {@code release-reuse} says, and
	 * waits for the server to confirm. Do not call it on a reactive thread; use
	 * {@link #releaseAsync()} there.
	 */
	public void release() {
		release(this.defaultReuse);
	}

	/**
	 * Releases the browser and waits for the server to confirm.
	 * @param reuse whether the browser goes back to the pool as it is (cookies, tabs and
	 * logins carry over to the next holder) or is destroyed and replaced
	 */
	public void release(boolean reuse) {
		releaseAsync(reuse).block();
	}

	/**
	 * Releases the browser, reused or not as the pool's {@code release-reuse} says.
	 * @return completion of the release, shared by every caller
	 */
	public Mono<Void> releaseAsync() {
		return releaseAsync(this.defaultReuse);
	}

	/**
	 * Releases the browser. The first subscription sends the release request; it goes on
	 * even if that subscriber cancels, and every later call gets its outcome without a
	 * second request.
	 * @param reuse whether the browser goes back to the pool as it is or is replaced
	 * @return completion of the release, shared by every caller
	 */
	public Mono<Void> releaseAsync(boolean reuse) {
		return Mono.defer(() -> {
			if (this.releaseStarted.compareAndSet(false, true)) {
				this.registry.release(this, reuse)
					.subscribe(null, this.releaseOutcome::tryEmitError, this.releaseOutcome::tryEmitEmpty);
			}
			return this.releaseOutcome.asMono();
		});
	}

	/**
	 * Releases the browser, as {@link #release()} does.
	 */
	@Override
	public void close() {
		release();
	}

	/**
	 * Releases the browser when a lease held as a singleton bean is destroyed, waiting no
	 * longer than the shutdown timeout.
	 */
	@Override
	public void destroy() {
		releaseAsync().onErrorComplete().block(this.registry.shutdownTimeout());
	}

	@Nullable Throwable acquisitionSite() {
		return this.acquisitionSite;
	}

	void leakCheck(@Nullable Disposable leakCheck) {
		this.leakCheck = leakCheck;
	}

	void cancelLeakCheck() {
		Disposable check = this.leakCheck;
		if (check != null) {
			check.dispose();
		}
	}

	@Override
	public String toString() {
		return "BrowserLease[pool=" + this.pool + ", sessionId=" + sessionId() + ", cdpWsUrl="
				+ Secrets.mask(cdpWsUrl()) + ", acquiredAt=" + this.acquiredAt + ", released=" + isReleased() + "]";
	}

}
