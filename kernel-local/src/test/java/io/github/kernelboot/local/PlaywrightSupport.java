package io.github.kernelboot.local;

import java.util.Map;

import com.microsoft.playwright.Playwright;

/**
 * Creates Playwright the one way this build can: without its bundled driver (the node
 * binaries it downloads), on the machine's node, and never downloading browsers. The driver is
 * one per JVM, so every test uses the same environment.
 */
final class PlaywrightSupport {

	private static final Map<String, String> ENVIRONMENT = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
			"PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");

	private PlaywrightSupport() {
	}

	static Playwright create() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(ENVIRONMENT));
	}

}
