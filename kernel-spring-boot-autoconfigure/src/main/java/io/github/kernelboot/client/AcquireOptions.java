package io.github.kernelboot.client;

import java.time.Duration;

import io.github.kernelboot.client.model.AcquireRequest;

/**
 * How {@link BrowserPoolsApi#acquire(String, AcquireOptions)} waits for a browser.
 *
 * @param acquireTimeout overall deadline: how long the caller waits, across polls, for one
 * browser
 * @param pollTimeout how long the server may hold one poll ({@code acquire_timeout_seconds});
 * whole seconds, at least one
 * @param request the rest of each poll's body (name, start URL, tags); its poll time is
 * replaced
 * @param listener told of each poll that yields no browser
 */
public record AcquireOptions(Duration acquireTimeout, Duration pollTimeout, AcquireRequest request,
		AcquireListener listener) {

	/** Default overall deadline. */
	public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(60);

	/** Default time the server may hold one poll. */
	public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(20);

	/**
	 * Checks the options.
	 * @param acquireTimeout overall deadline
	 * @param pollTimeout time the server may hold one poll
	 * @param request the rest of each poll's body
	 * @param listener told of each poll that yields no browser
	 */
	public AcquireOptions {
		if (acquireTimeout.isNegative() || acquireTimeout.isZero()) {
			throw new IllegalArgumentException("acquireTimeout must be positive (was " + acquireTimeout + ")");
		}
		if (pollTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("pollTimeout must be at least 1s (was " + pollTimeout + ")");
		}
	}

	/**
	 * Returns the default options: a 60 s deadline, 20 s polls.
	 * @return the options
	 */
	public static AcquireOptions defaults() {
		return new AcquireOptions(DEFAULT_ACQUIRE_TIMEOUT, DEFAULT_POLL_TIMEOUT,
				new AcquireRequest(null, null, null, null), AcquireListener.NONE);
	}

	/**
	 * Returns these options with another overall deadline.
	 * @param acquireTimeout how long the caller waits for one browser
	 * @return new options
	 */
	public AcquireOptions withAcquireTimeout(Duration acquireTimeout) {
		return new AcquireOptions(acquireTimeout, this.pollTimeout, this.request, this.listener);
	}

	/**
	 * Returns these options with another poll time.
	 * @param pollTimeout how long the server may hold one poll
	 * @return new options
	 */
	public AcquireOptions withPollTimeout(Duration pollTimeout) {
		return new AcquireOptions(this.acquireTimeout, pollTimeout, this.request, this.listener);
	}

	/**
	 * Returns these options with another poll body (name, start URL, tags).
	 * @param request the body
	 * @return new options
	 */
	public AcquireOptions withRequest(AcquireRequest request) {
		return new AcquireOptions(this.acquireTimeout, this.pollTimeout, request, this.listener);
	}

	/**
	 * Returns these options with another listener.
	 * @param listener told of each poll that yields no browser
	 * @return new options
	 */
	public AcquireOptions withListener(AcquireListener listener) {
		return new AcquireOptions(this.acquireTimeout, this.pollTimeout, this.request, listener);
	}

}
