/**
 * Auto-configuration of the Kernel starter: {@code kernel.*} properties, connection details,
 * the {@link io.github.kernelboot.client.KernelClient} bean, leases, metrics and health.
 */
@NullMarked
package io.github.kernelboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
