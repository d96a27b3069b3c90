/**
 * Auto-configuration that runs kernel-local in-process and points the Kernel starter at it.
 */
@NullMarked
package io.github.kernelboot.local.autoconfigure;

import org.jspecify.annotations.NullMarked;
