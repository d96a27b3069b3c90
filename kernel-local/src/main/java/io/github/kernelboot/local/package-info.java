/**
 * kernel-local: a server that speaks the Kernel API on loopback and runs real Chromium.
 * Start one with {@link io.github.kernelboot.local.KernelLocalServer}, from tests with
 * {@link io.github.kernelboot.local.KernelLocalContainer}, or from the command line with
 * {@link io.github.kernelboot.local.KernelLocalApplication}.
 */
@NullMarked
package io.github.kernelboot.local;

import org.jspecify.annotations.NullMarked;
