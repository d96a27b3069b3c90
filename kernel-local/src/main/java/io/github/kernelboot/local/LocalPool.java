package io.github.kernelboot.local;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.PoolReference;
import io.github.kernelboot.local.browser.BrowserLaunchException;
import io.github.kernelboot.local.browser.LaunchedBrowser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One browser pool: keeps {@code size} browsers, idle or leased, launching new ones at the
 * fill rate; hands idle browsers to acquire polls in arrival order and parks the polls that
 * find none until a browser comes or their poll time passes.
 *
 * <p>Every change of state happens under the pool's lock; what must reach the outside world
 * (answers to polls, destroys, timers) is collected while the lock is held and run after it
 * is released, so no callback ever runs under the lock.
 */
final class LocalPool {

	private static final Log logger = LogFactory.getLog(LocalPool.class);

	// After a failed launch, wait at least this long: a missing Chromium must not spin.
	private static final Duration FAILED_LAUNCH_PAUSE = Duration.ofSeconds(1);

	private final String id;

	private final OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);

	private final PoolContext context;

	// Read without the lock by the sessions' descriptions (see reference()).
	private volatile @Nullable String name;

	private BrowserPoolRequest config;

	private final Deque<BrowserSession> idle = new ArrayDeque<>();

	private final Map<String, BrowserSession> leased = new LinkedHashMap<>();

	private final Deque<PoolWaiter> waiters = new ArrayDeque<>();

	private int launching;

	// Launches started before idle browsers were discarded for a new configuration are
	// discarded when they finish.
	private long generation;

	private long nextLaunchNanos = System.nanoTime();

	private boolean fillScheduled;

	private boolean deleted;

	// Deleted because the server stops, not by the API: the pool is not gone for good.
	private boolean shutDown;

	LocalPool(String id, BrowserPoolRequest config, PoolContext context) {
		this.id = id;
		this.config = PoolConfig.withDefaults(config);
		this.name = this.config.name();
		this.context = context;
		Outbox outbox = new Outbox();
		synchronized (this) {
			scheduleFill(outbox);
		}
		outbox.run();
	}

	String id() {
		return this.id;
	}

	@Nullable String name() {
		return this.name;
	}

	PoolReference reference() {
		return new PoolReference(this.id, this.name);
	}

	/**
	 * Returns how many acquire polls wait now; the API does not show it.
	 * @return the number of parked polls
	 */
	synchronized int waiting() {
		return this.waiters.size();
	}

	synchronized BrowserPool describe() {
		return new BrowserPool(this.id, this.name, this.leased.size(), this.idle.size(), this.createdAt, this.config,
				List.of(), null);
	}

	/**
	 * One acquire poll: a browser at once if one is idle, else the first browser that comes
	 * while the poll waits; empty when its time passes.
	 * @param request the poll's body
	 * @return the leased session, or empty
	 */
	Mono<BrowserSession> acquire(AcquireRequest request) {
		Duration pollTime = pollTime(request);
		return Mono.<PoolWaiter>create((sink) -> {
			PoolWaiter waiter = new PoolWaiter(request, sink);
			sink.onCancel(() -> abandon(waiter));
			enqueue(waiter);
			sink.onDispose(this.context.timer()
				.schedule(() -> expire(waiter), pollTime.toNanos(), TimeUnit.NANOSECONDS));
		}).filter(this::claim).map(PoolWaiter::leased);
	}

	private Duration pollTime(AcquireRequest request) {
		Integer seconds = request.acquireTimeoutSeconds();
		if (seconds != null) {
			return Duration.ofSeconds(seconds);
		}
		synchronized (this) {
			return PoolConfig.fillTime(this.config, this.context.timeScale());
		}
	}

	private void enqueue(PoolWaiter waiter) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			if (waiter.state() != PoolWaiter.State.WAITING) {
				return;
			}
			if (this.deleted) {
				waiter.leave();
				ApiException error = deletedError();
				outbox.add(() -> waiter.sink().error(error));
			}
			else {
				this.waiters.addLast(waiter);
				dispatch(outbox);
			}
		}
		outbox.run();
	}

	private synchronized boolean claim(PoolWaiter waiter) {
		if (waiter.state() != PoolWaiter.State.OFFERED) {
			return false;
		}
		waiter.claim();
		return true;
	}

	private void abandon(PoolWaiter waiter) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			if (waiter.state() == PoolWaiter.State.WAITING) {
				this.waiters.remove(waiter);
			}
			else if (waiter.state() == PoolWaiter.State.OFFERED) {
				logger.debug("Acquire poll left before it got its browser; the browser goes back to the pool");
				giveBack(waiter.leased(), true, outbox);
			}
			waiter.leave();
		}
		outbox.run();
	}

	private void expire(PoolWaiter waiter) {
		synchronized (this) {
			if (waiter.state() != PoolWaiter.State.WAITING) {
				return;
			}
			this.waiters.remove(waiter);
			waiter.leave();
		}
		waiter.sink().success();
	}

	/**
	 * Ends a lease.
	 * @param sessionId the leased session
	 * @param reuse whether the browser stays in the pool as it is
	 * @throws ApiException 404 if the pool has no such leased browser
	 */
	void release(String sessionId, boolean reuse) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			BrowserSession session = this.leased.get(sessionId);
			if (session == null) {
				throw ApiException.notFound("Browser pool '" + displayName() + "' has no leased browser '" + sessionId + "'");
			}
			giveBack(session, reuse, outbox);
		}
		outbox.run();
	}

	/**
	 * Takes back a lease whose answer could not be sent: the browser stays in the pool.
	 * @param session the session
	 */
	void returnUnsent(BrowserSession session) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			if (this.leased.containsKey(session.id())) {
				giveBack(session, true, outbox);
			}
		}
		outbox.run();
	}

	/**
	 * Destroys a leased browser the API deleted or timed out; the pool refills.
	 * @param session the session
	 * @return whether the session was leased from this pool
	 */
	boolean removeLeased(BrowserSession session) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			if (this.leased.remove(session.id()) == null) {
				return false;
			}
			retire(session, outbox);
		}
		outbox.run();
		return true;
	}

	/**
	 * Destroys the idle browsers; the pool refills.
	 */
	void flush() {
		Outbox outbox = new Outbox();
		synchronized (this) {
			discardIdle(outbox);
		}
		outbox.run();
	}

	/**
	 * Changes the configuration for browsers launched from now on.
	 * @param changes the components to change
	 * @param discardAllIdle whether idle browsers are destroyed now, so new ones follow the
	 * change at once
	 */
	void update(BrowserPoolRequest changes, boolean discardAllIdle) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			this.config = PoolConfig.merge(this.config, changes);
			this.name = this.config.name();
			if (discardAllIdle) {
				this.generation++;
				discardIdle(outbox);
			}
			while (total() > PoolConfig.size(this.config) && !this.idle.isEmpty()) {
				discard(this.idle.pollLast(), outbox);
			}
			scheduleFill(outbox);
		}
		outbox.run();
	}

	/**
	 * Deletes the pool: destroys its browsers and answers its waiting polls with 404.
	 * @param force whether to delete it even while browsers are leased
	 * @throws ApiException 409 if browsers are leased and force is not set
	 */
	void delete(boolean force) {
		delete(force, false);
	}

	/**
	 * Deletes the pool because the server stops: destroys its browsers, leased ones too,
	 * and answers its waiting polls with 503. A 404 would tell their clients the pool does
	 * not exist, so they would not retry once the server is back.
	 */
	void shutDown() {
		delete(true, true);
	}

	private void delete(boolean force, boolean shutDown) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			if (!force && !this.leased.isEmpty()) {
				throw ApiException.conflict("Browser pool '" + displayName() + "' has " + this.leased.size()
						+ " leased browser(s); release them first or delete with force");
			}
			this.deleted = true;
			this.shutDown = shutDown;
			new ArrayList<>(this.leased.values()).forEach((session) -> retire(session, outbox));
			this.leased.clear();
			this.idle.forEach((session) -> outbox.destroy(session));
			this.idle.clear();
			ApiException error = deletedError();
			for (PoolWaiter waiter : this.waiters) {
				waiter.leave();
				outbox.add(() -> waiter.sink().error(error));
			}
			this.waiters.clear();
		}
		outbox.run();
	}

	// Everything below runs under the lock.

	private void dispatch(Outbox outbox) {
		while (!this.waiters.isEmpty() && !this.idle.isEmpty()) {
			BrowserSession session = this.idle.pollFirst();
			if (!session.browser().isAlive()) {
				logger.warn("Browser " + session.id() + " of pool '" + displayName() + "' died while idle; replacing it");
				discard(session, outbox);
				continue;
			}
			PoolWaiter waiter = this.waiters.pollFirst();
			lease(session, waiter.request());
			waiter.offer(session);
			outbox.add(() -> waiter.sink().success(waiter));
		}
	}

	private void lease(BrowserSession session, AcquireRequest request) {
		BrowserSettings launched = BrowserSettings.of(this.config);
		String startUrl = (request.startUrl() != null) ? request.startUrl() : session.settings().startUrl();
		session.lease(new BrowserSettings(launched.headless(), launched.stealth(), launched.kioskMode(),
				launched.viewport(), startUrl, launched.timeoutSeconds(), request.name(), request.tags()),
				this.context.ids().secret());
		this.leased.put(session.id(), session);
		this.context.sessions().add(session);
	}

	private void giveBack(BrowserSession session, boolean reuse, Outbox outbox) {
		this.leased.remove(session.id());
		if (reuse && !this.deleted && session.browser().isAlive() && total() < PoolConfig.size(this.config)) {
			this.context.sessions().remove(session);
			session.revoke();
			this.idle.addLast(session);
			dispatch(outbox);
		}
		else {
			retire(session, outbox);
		}
	}

	private void retire(BrowserSession session, Outbox outbox) {
		this.context.sessions().retire(session);
		session.revoke();
		discard(session, outbox);
	}

	private void discardIdle(Outbox outbox) {
		while (!this.idle.isEmpty()) {
			discard(this.idle.pollFirst(), outbox);
		}
	}

	private void discard(BrowserSession session, Outbox outbox) {
		outbox.destroy(session);
		scheduleFill(outbox);
	}

	private int total() {
		return this.idle.size() + this.leased.size() + this.launching;
	}

	private void scheduleFill(Outbox outbox) {
		if (this.deleted || this.fillScheduled || total() >= PoolConfig.size(this.config)) {
			return;
		}
		this.fillScheduled = true;
		long delay = Math.max(0, this.nextLaunchNanos - System.nanoTime());
		outbox.add(() -> this.context.timer().schedule(this::fill, delay, TimeUnit.NANOSECONDS));
	}

	// Fills one browser, then schedules the next one a launch interval later.

	private void fill() {
		Outbox outbox = new Outbox();
		long launchGeneration;
		BrowserSettings settings;
		synchronized (this) {
			this.fillScheduled = false;
			if (this.deleted || total() >= PoolConfig.size(this.config)) {
				return;
			}
			this.launching++;
			long now = System.nanoTime();
			this.nextLaunchNanos = Math.max(now, this.nextLaunchNanos)
					+ PoolConfig.launchInterval(this.config, this.context.timeScale()).toNanos();
			launchGeneration = this.generation;
			settings = BrowserSettings.of(this.config);
			scheduleFill(outbox);
		}
		outbox.run();
		this.context.host()
			.launch(settings, (browser) -> adopt(browser, settings, launchGeneration))
			.subscribe(null, this::launchFailed);
	}

	private BrowserSession adopt(LaunchedBrowser browser, BrowserSettings settings, long launchGeneration) {
		BrowserSession session = new BrowserSession(this.context.ids().id(), browser, settings, this);
		Outbox outbox = new Outbox();
		synchronized (this) {
			this.launching--;
			if (this.deleted || launchGeneration != this.generation || total() >= PoolConfig.size(this.config)) {
				discard(session, outbox);
			}
			else {
				this.idle.addLast(session);
				dispatch(outbox);
			}
		}
		outbox.run();
		return session;
	}

	private void launchFailed(Throwable failure) {
		Outbox outbox = new Outbox();
		synchronized (this) {
			if (this.deleted) {
				logger.debug("Launch for deleted pool '" + displayName() + "' ended: " + failure.getMessage());
			}
			else if (failure instanceof BrowserLaunchException) {
				logger.warn("Could not launch a browser for pool '" + displayName() + "': " + failure.getMessage());
			}
			else {
				logger.warn("Could not launch a browser for pool '" + displayName() + "'", failure);
			}
			this.launching--;
			this.nextLaunchNanos = Math.max(this.nextLaunchNanos, System.nanoTime() + FAILED_LAUNCH_PAUSE.toNanos());
			scheduleFill(outbox);
		}
		outbox.run();
	}

	// Under the lock, as the answers to polls are collected.
	private ApiException deletedError() {
		if (this.shutDown) {
			return ApiException.unavailable("kernel-local is stopping; browser pool '" + displayName() + "' is gone with it");
		}
		return ApiException.notFound("Browser pool '" + displayName() + "' was deleted");
	}

	private String displayName() {
		String current = this.name;
		return (current != null) ? current : this.id;
	}

	@Override
	public String toString() {
		return "LocalPool[" + displayName() + "]";
	}

	/**
	 * What a locked section leaves to do once the lock is released.
	 */
	private final class Outbox {

		private final List<Runnable> actions = new ArrayList<>();

		void add(Runnable action) {
			this.actions.add(action);
		}

		void destroy(BrowserSession session) {
			add(() -> LocalPool.this.context.host().destroy(session.browser()));
		}

		void run() {
			this.actions.forEach(Runnable::run);
		}

	}

}
