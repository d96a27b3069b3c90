package io.github.kernelboot.local;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.PoolReference;
import io.github.kernelboot.client.model.Usage;
import io.github.kernelboot.local.browser.LaunchedBrowser;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * One running browser and what the API says about it: its settings, the token that opens
 * its CDP proxy, the proxied connections open now, and since when it has had none.
 *
 * <p>A pool browser gets a new token each time it is leased; the token dies when the lease
 * ends, and with it every connection opened with it.
 */
final class BrowserSession {

	private final String id;

	private final LaunchedBrowser browser;

	private final OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);

	private final long startedNanos = System.nanoTime();

	private final @Nullable LocalPool pool;

	private BrowserSettings settings;

	private @Nullable String token;

	private boolean tokenValid;

	private final Set<Disposable> connections = new HashSet<>();

	private long idleSinceNanos = this.startedNanos;

	private @Nullable OffsetDateTime deletedAt;

	BrowserSession(String id, LaunchedBrowser browser, BrowserSettings settings, @Nullable LocalPool pool) {
		this.id = id;
		this.browser = browser;
		this.settings = settings;
		this.pool = pool;
	}

	String id() {
		return this.id;
	}

	LaunchedBrowser browser() {
		return this.browser;
	}

	@Nullable LocalPool pool() {
		return this.pool;
	}

	synchronized BrowserSettings settings() {
		return this.settings;
	}

	synchronized @Nullable String name() {
		return this.settings.name();
	}

	/**
	 * Hands the session to a new holder: new settings, a new token, and the idle clock
	 * starts now.
	 * @param settings the settings of this lease
	 * @param token the token that opens the CDP proxy
	 */
	synchronized void lease(BrowserSettings settings, String token) {
		this.settings = settings;
		this.token = token;
		this.tokenValid = true;
		this.idleSinceNanos = System.nanoTime();
	}

	/**
	 * Ends the current token: the proxy refuses it from now on and its open connections are
	 * closed.
	 */
	void revoke() {
		List<Disposable> open;
		synchronized (this) {
			this.tokenValid = false;
			open = new ArrayList<>(this.connections);
			this.connections.clear();
			this.idleSinceNanos = System.nanoTime();
		}
		open.forEach(Disposable::dispose);
	}

	/**
	 * Registers a proxied CDP connection if the token is the session's live token.
	 * @param candidate the token the client presented
	 * @param connection closes the connection
	 * @return whether the token was accepted
	 */
	synchronized boolean attach(String candidate, Disposable connection) {
		if (!acceptsLocked(candidate)) {
			return false;
		}
		this.connections.add(connection);
		return true;
	}

	/**
	 * Returns whether the token is the session's live token, compared in constant time.
	 * @param candidate the token the client presented
	 * @return whether it is accepted
	 */
	synchronized boolean accepts(String candidate) {
		return acceptsLocked(candidate);
	}

	private boolean acceptsLocked(String candidate) {
		return this.tokenValid && this.token != null && MessageDigest.isEqual(
				this.token.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Unregisters a proxied connection that closed.
	 * @param connection the connection
	 */
	synchronized void detach(Disposable connection) {
		if (this.connections.remove(connection) && this.connections.isEmpty()) {
			this.idleSinceNanos = System.nanoTime();
		}
	}

	/**
	 * Returns whether the session has had no CDP connection for longer than its idle timeout.
	 * @param timeScale how fast the server's clocks run
	 * @return whether it timed out
	 */
	synchronized boolean isIdleExpired(TimeScale timeScale) {
		return this.connections.isEmpty() && System.nanoTime() - this.idleSinceNanos >= timeScale
			.seconds(this.settings.timeoutSeconds())
			.toNanos();
	}

	synchronized void markDeleted() {
		this.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
	}

	synchronized boolean isDeleted() {
		return this.deletedAt != null;
	}

	/**
	 * Describes the session as the API does.
	 * @param cdpBaseUrl where the CDP proxy listens, such as {@code ws://127.0.0.1:8080}
	 * @return the browser
	 */
	synchronized Browser toBrowser(String cdpBaseUrl) {
		BrowserSettings current = this.settings;
		String cdpWsUrl = cdpBaseUrl + CdpProxy.PATH_PREFIX + this.id + "?jwt=" + ((this.token != null) ? this.token : "");
		PoolReference poolReference = (this.pool != null) ? this.pool.reference() : null;
		long uptime = Duration.ofNanos(System.nanoTime() - this.startedNanos).toMillis();
		return new Browser(this.id, cdpWsUrl, null, null, this.createdAt, current.headless(), current.stealth(),
				current.timeoutSeconds(), null, current.name(), poolReference, null, null, current.startUrl(),
				current.tags(), current.viewport(), current.kioskMode(), this.deletedAt, new Usage(uptime), null);
	}

	@Override
	public String toString() {
		return "BrowserSession[" + this.id + "]";
	}

}
