package io.github.kernelboot.client;

/**
 * An acquire was cancelled because the application is shutting down: by
 * {@link BrowserPoolsApi#cancelPolls()}, or by the lease registry, which releases at once a
 * browser that arrives then.
 */
public class AcquireCancelledException extends KernelException {

	private final String pool;

	/**
	 * Creates an exception.
	 * @param pool the pool, by id or name
	 */
	public AcquireCancelledException(String pool) {
		this(pool, "the client stopped its polls");
	}

	/**
	 * Creates an exception.
	 * @param pool the pool, by id or name
	 * @param reason why the acquire was cancelled
	 */
	public AcquireCancelledException(String pool, String reason) {
		super("Acquire from pool '" + pool + "' cancelled: " + reason, null);
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
