package io.github.kernelboot.lease;

import java.time.Duration;

import io.github.kernelboot.client.AcquireRetryReason;

/**
 * Told of what happens to leases, to record it as meters. The time of a whole acquire is
 * observed separately, through the Observation API.
 */
public interface LeaseMetrics {

	/** Metrics that record nothing: used when Micrometer is absent. */
	LeaseMetrics NONE = new LeaseMetrics() {
	};

	/**
	 * An acquire poll of the pool yielded no browser and another follows.
	 * @param pool the pool
	 * @param reason why the poll yielded no browser
	 */
	default void acquireRetried(String pool, AcquireRetryReason reason) {
	}

	/**
	 * A lease was handed out.
	 * @param lease the lease
	 */
	default void leaseOpened(BrowserLease lease) {
	}

	/**
	 * A lease ended: its release request succeeded or failed.
	 * @param lease the lease
	 * @param heldFor how long it was held
	 * @param released whether the server confirmed the release
	 */
	default void leaseClosed(BrowserLease lease, Duration heldFor, boolean released) {
	}

}
