package io.github.kernelboot.local.browser;

import java.util.UUID;

/**
 * Starts no process at all: every "browser" exists at once and costs nothing. Meant for load
 * tests and benchmarks of kernel-local's API layer (pools, long polls, leases); its DevTools
 * URLs lead nowhere, so CDP connections through the proxy fail.
 */
public final class StubBrowserLauncher implements BrowserLauncher {

	// The discard port: nothing listens there.
	private static final String NOWHERE = "ws://127.0.0.1:9/devtools/browser/";

	@Override
	public LaunchedBrowser launch(LaunchSpec spec) {
		return new StubBrowser(NOWHERE + UUID.randomUUID());
	}

	private static final class StubBrowser implements LaunchedBrowser {

		private final String url;

		private volatile boolean alive = true;

		StubBrowser(String url) {
			this.url = url;
		}

		@Override
		public String webSocketDebuggerUrl() {
			return this.url;
		}

		@Override
		public boolean isAlive() {
			return this.alive;
		}

		@Override
		public void destroy() {
			this.alive = false;
		}

	}

}
