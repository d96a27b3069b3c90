package io.github.kernelboot.autoconfigure;

import java.time.Duration;

import io.github.kernelboot.lease.KernelBrowser;

/**
 * A {@link KernelBrowser @KernelBrowser} lease could not be acquired while a bean was
 * created.
 */
public class BrowserLeaseInjectionException extends RuntimeException {

	private final String pool;

	private final String injectionPoint;

	private final Duration waited;

	/**
	 * Creates an exception.
	 * @param pool the pool
	 * @param injectionPoint what the lease was for, such as a field or parameter
	 * @param waited how long the acquire took before it failed
	 * @param cause why it failed
	 */
	public BrowserLeaseInjectionException(String pool, String injectionPoint, Duration waited, Throwable cause) {
		super("Could not lease a browser from pool '" + pool + "' for " + injectionPoint + " (waited "
				+ waited.toMillis() + " ms): " + cause.getMessage(), cause);
		this.pool = pool;
		this.injectionPoint = injectionPoint;
		this.waited = waited;
	}

	/**
	 * Returns the pool.
	 * @return the pool
	 */
	public String getPool() {
		return this.pool;
	}

	/**
	 * Returns what the lease was for.
	 * @return the injection point
	 */
	public String getInjectionPoint() {
		return this.injectionPoint;
	}

	/**
	 * Returns how long the acquire took before it failed.
	 * @return the wait
	 */
	public Duration getWaited() {
		return this.waited;
	}

}
