package io.github.kernelboot.local.browser;

/**
 * Starts browsers for kernel-local. Implementations block while the browser starts; the
 * server calls them off its event loop.
 */
@FunctionalInterface
public interface BrowserLauncher {

	/**
	 * The {@code Origin} kernel-local's own DevTools clients send. A browser must accept
	 * websocket connections that carry it (Chromium refuses every origin it was not told to
	 * allow); no web page can have it, as {@code .invalid} never resolves.
	 */
	String DEVTOOLS_ORIGIN = "http://kernel-local.invalid";

	/**
	 * Starts a browser and waits until its DevTools endpoint accepts connections.
	 * @param spec what to start, and the fresh directory the browser may keep its files in
	 * @return the running browser
	 * @throws BrowserLaunchException if the browser does not start
	 */
	LaunchedBrowser launch(LaunchSpec spec);

}
