/**
 * Browser leases: a browser acquired from a pool that is always given back.
 * {@link io.github.kernelboot.lease.KernelBrowser @KernelBrowser} injects one,
 * {@link io.github.kernelboot.lease.BrowserLeases} hands them out per task, and the
 * {@link io.github.kernelboot.lease.LeaseRegistry} releases whatever is still held when the
 * application stops.
 */
@NullMarked
package io.github.kernelboot.lease;

import org.jspecify.annotations.NullMarked;
