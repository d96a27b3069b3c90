package io.github.kernelboot.client;

/**
 * An acquire poll was cancelled by {@link BrowserPoolsApi#cancelPolls()}, typically because the
 * application is shutting down.
 */
public class AcquireCancelledException extends KernelException {

	private final String pool;

	/**
	 * Creates an exception.
	 * @param pool the pool, by id or name
	 */
	public AcquireCancelledException(String pool) {
		super("Acquire from pool '" + pool + "' cancelled: the client stopped its polls", null);
		this.pool = pool;
	}

	/**
	 * Returns the pool, by id or name.
	 * @return the pool
	 */
	public String getPool() {
		return this.pool;
	}

}
