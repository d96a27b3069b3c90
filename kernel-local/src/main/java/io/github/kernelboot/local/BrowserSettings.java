package io.github.kernelboot.local;

import java.nio.file.Path;
import java.util.Map;

import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.client.model.Viewport;
import io.github.kernelboot.local.browser.LaunchSpec;
import org.jspecify.annotations.Nullable;

/**
 * How one browser session is set up, with the API's defaults filled in.
 *
 * @param headless whether a headless browser was asked for
 * @param stealth whether stealth mode was asked for
 * @param kioskMode whether kiosk mode was asked for
 * @param viewport window size, or {@code null}
 * @param startUrl page opened at start, or {@code null}
 * @param timeoutSeconds idle timeout in the API's seconds
 * @param name session name, or {@code null}
 * @param tags session tags, or {@code null}
 */
record BrowserSettings(boolean headless, boolean stealth, boolean kioskMode, @Nullable Viewport viewport,
		@Nullable String startUrl, int timeoutSeconds, @Nullable String name, @Nullable Map<String, String> tags) {

	/** Idle timeout of a browser created with {@code POST /browsers}, in seconds. */
	static final int DEFAULT_BROWSER_TIMEOUT_SECONDS = 60;

	/** Idle timeout of a browser acquired from a pool, in seconds. */
	static final int DEFAULT_POOL_TIMEOUT_SECONDS = 600;

	static BrowserSettings of(BrowserRequest request) {
		return new BrowserSettings(isTrue(request.headless()), isTrue(request.stealth()), isTrue(request.kioskMode()),
				request.viewport(), request.startUrl(),
				(request.timeoutSeconds() != null) ? request.timeoutSeconds() : DEFAULT_BROWSER_TIMEOUT_SECONDS,
				request.name(), request.tags());
	}

	static BrowserSettings of(BrowserPoolRequest config) {
		return new BrowserSettings(isTrue(config.headless()), isTrue(config.stealth()), isTrue(config.kioskMode()),
				config.viewport(), config.startUrl(),
				(config.timeoutSeconds() != null) ? config.timeoutSeconds() : DEFAULT_POOL_TIMEOUT_SECONDS, null, null);
	}

	LaunchSpec toLaunchSpec(Path directory) {
		return new LaunchSpec(directory, this.headless, this.stealth, this.kioskMode, this.viewport, this.startUrl);
	}

	private static boolean isTrue(@Nullable Boolean value) {
		return Boolean.TRUE.equals(value);
	}

}
