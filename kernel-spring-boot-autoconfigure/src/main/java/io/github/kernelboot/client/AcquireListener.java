package io.github.kernelboot.client;

/**
 * Told of what happens while an acquire waits, for metrics and logs.
 */
@FunctionalInterface
public interface AcquireListener {

	/** A listener that does nothing. */
	AcquireListener NONE = (pool, reason) -> {
	};

	/**
	 * Called each time a poll ends without a browser and another one follows.
	 * @param pool the pool, by id or name
	 * @param reason why the poll yielded no browser
	 */
	void pollRetried(String pool, AcquireRetryReason reason);

}
