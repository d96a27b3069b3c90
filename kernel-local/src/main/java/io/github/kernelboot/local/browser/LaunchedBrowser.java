package io.github.kernelboot.local.browser;

/**
 * A browser a {@link BrowserLauncher} started.
 */
public interface LaunchedBrowser {

	/**
	 * Returns the browser-level DevTools websocket, such as
	 * {@code ws://127.0.0.1:9222/devtools/browser/<id>}.
	 * @return the websocket URL
	 */
	String webSocketDebuggerUrl();

	/**
	 * Returns whether the browser still runs.
	 * @return whether it is alive
	 */
	boolean isAlive();

	/**
	 * Stops the browser and every process it started, and waits until they are gone.
	 * Calling it again does nothing.
	 */
	void destroy();

}
