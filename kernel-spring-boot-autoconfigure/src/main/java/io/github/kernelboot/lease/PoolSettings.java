package io.github.kernelboot.lease;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How leases of one pool are acquired and released.
 *
 * @param acquireTimeout overall wait for one lease
 * @param pollTimeout time the server may hold one acquire poll
 * @param releaseReuse whether a released browser goes back to the pool as it is, unless the
 * release says otherwise
 * @param leakDetectionThreshold time after which a lease still held is reported with the stack
 * that acquired it, or {@code null} for no leak detection
 */
public record PoolSettings(Duration acquireTimeout, Duration pollTimeout, boolean releaseReuse,
		@Nullable Duration leakDetectionThreshold) {

}
