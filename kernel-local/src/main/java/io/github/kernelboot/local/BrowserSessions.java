package io.github.kernelboot.local;

import io.github.kernelboot.client.model.BrowserRequest;
import reactor.core.publisher.Mono;

/**
 * Browser sessions as the {@code /browsers} routes and the idle timeout see them: created on
 * their own, or leased from a pool, in which case ending them is the pool's business.
 */
final class BrowserSessions {

	private final PoolContext context;

	BrowserSessions(PoolContext context) {
		this.context = context;
	}

	/**
	 * Launches a browser of its own. It is registered even if the caller stops waiting, as
	 * the cloud's would be; its idle timeout ends it then.
	 * @param request the request, already validated
	 * @return the session
	 */
	Mono<BrowserSession> create(BrowserRequest request) {
		BrowserSettings settings = BrowserSettings.of(request);
		return this.context.host().launch(settings, (browser) -> {
			BrowserSession session = new BrowserSession(this.context.ids().id(), browser, settings, null);
			session.lease(settings, this.context.ids().secret());
			this.context.sessions().add(session);
			return session;
		});
	}

	/**
	 * Destroys a session; a pool it was leased from refills.
	 * @param session the session
	 */
	void delete(BrowserSession session) {
		LocalPool pool = session.pool();
		if (pool != null) {
			pool.removeLeased(session);
			return;
		}
		if (this.context.sessions().retire(session)) {
			session.revoke();
			this.context.host().destroy(session.browser());
		}
	}

	/**
	 * Destroys every session that is not leased from a pool.
	 */
	void deleteAll() {
		this.context.sessions().active().stream().filter((session) -> session.pool() == null).forEach(this::delete);
	}

	/**
	 * Destroys every session that had no CDP connection for its idle timeout, and every
	 * session whose browser died.
	 */
	void expireIdle() {
		for (BrowserSession session : this.context.sessions().active()) {
			if (session.isIdleExpired(this.context.timeScale()) || !session.browser().isAlive()) {
				delete(session);
			}
		}
	}

}
