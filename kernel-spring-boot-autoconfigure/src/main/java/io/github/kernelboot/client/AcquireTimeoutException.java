package io.github.kernelboot.client;

import java.time.Duration;

/**
 * No browser came from a pool before the overall acquire deadline passed.
 */
public class AcquireTimeoutException extends KernelException {

	private final String pool;

	private final Duration waited;

	private final int polls;

	/**
	 * Creates an exception.
	 * @param pool the pool, by id or name
	 * @param waited how long the caller waited
	 * @param polls how many acquire requests were sent
	 */
	public AcquireTimeoutException(String pool, Duration waited, int polls) {
		super("No browser from pool '" + pool + "' after waiting " + waited.toMillis() + " ms (" + polls
				+ ((polls == 1) ? " poll" : " polls") + ")", null);
		this.pool = pool;
		this.waited = waited;
		this.polls = polls;
	}

	/**
	 * Returns the pool, by id or name.
	 * @return the pool
	 */
	public String getPool() {
		return this.pool;
	}

	/**
	 * Returns how long the caller waited.
	 * @return the wait
	 */
	public Duration getWaited() {
		return this.waited;
	}

	/**
	 * Returns how many acquire requests were sent.
	 * @return the number of polls
	 */
	public int getPolls() {
		return this.polls;
	}

}
