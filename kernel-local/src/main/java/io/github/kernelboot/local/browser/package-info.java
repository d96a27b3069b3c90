/**
 * How kernel-local starts and stops browsers: the {@link io.github.kernelboot.local.browser.BrowserLauncher}
 * contract, the real {@link io.github.kernelboot.local.browser.ChromiumLauncher} and a
 * process-free {@link io.github.kernelboot.local.browser.StubBrowserLauncher} for load tests of
 * the API layer.
 */
@NullMarked
package io.github.kernelboot.local.browser;

import org.jspecify.annotations.NullMarked;
