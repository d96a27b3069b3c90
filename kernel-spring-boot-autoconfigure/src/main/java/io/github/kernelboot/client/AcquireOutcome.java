package io.github.kernelboot.client;

import io.github.kernelboot.client.model.Browser;

/**
 * What one acquire poll ({@link BrowserPoolsApi#tryAcquire(String, io.github.kernelboot.client.model.AcquireRequest)}) gave:
 * a browser, or none yet.
 */
public sealed interface AcquireOutcome {

	/**
	 * The pool handed out a browser (HTTP 200). The caller now holds it and must release it.
	 *
	 * @param browser the browser
	 */
	record Acquired(Browser browser) implements AcquireOutcome {

	}

	/**
	 * The poll time passed without a free browser (HTTP 204); poll again to keep waiting.
	 */
	record NoBrowserYet() implements AcquireOutcome {

	}

}
