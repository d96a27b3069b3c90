/**
 * Reactive client of the Kernel API: {@link io.github.kernelboot.client.KernelClient} with its
 * browsers and browser-pools calls, typed errors, the retry policy of the official SDKs and
 * lazy pagination.
 *
 * <p>This package depends on Reactor and Spring's {@code WebClient} only, not on Spring Boot.
 */
@NullMarked
package io.github.kernelboot.client;

import org.jspecify.annotations.NullMarked;
