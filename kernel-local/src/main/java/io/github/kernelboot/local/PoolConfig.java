package io.github.kernelboot.local;

import java.time.Duration;

import io.github.kernelboot.client.model.BrowserPoolRequest;
import org.jspecify.annotations.Nullable;

/**
 * A pool's stored configuration: the API's defaults, changes by {@code PATCH}, and the times
 * that follow from size and fill rate.
 */
final class PoolConfig {

	/** Percent of the pool's size filled per minute when the request names none. */
	static final int DEFAULT_FILL_RATE_PER_MINUTE = 25;

	private PoolConfig() {
	}

	/**
	 * Fills in the defaults the API documents.
	 * @param request the configuration as asked
	 * @return the configuration as stored
	 */
	static BrowserPoolRequest withDefaults(BrowserPoolRequest request) {
		return merge(request, BrowserPoolRequest.builder()
			.fillRatePerMinute(orElse(request.fillRatePerMinute(), DEFAULT_FILL_RATE_PER_MINUTE))
			.timeoutSeconds(orElse(request.timeoutSeconds(), BrowserSettings.DEFAULT_POOL_TIMEOUT_SECONDS))
			.build());
	}

	/**
	 * Applies changes: every component the changes set replaces the stored one.
	 * @param stored the stored configuration
	 * @param changes the changes
	 * @return the new configuration
	 */
	static BrowserPoolRequest merge(BrowserPoolRequest stored, BrowserPoolRequest changes) {
		return new BrowserPoolRequest(orElse(changes.name(), stored.name()), orElse(changes.size(), stored.size()),
				orElse(changes.fillRatePerMinute(), stored.fillRatePerMinute()),
				orElse(changes.timeoutSeconds(), stored.timeoutSeconds()), orElse(changes.headless(), stored.headless()),
				orElse(changes.stealth(), stored.stealth()), orElse(changes.kioskMode(), stored.kioskMode()),
				orElse(changes.profile(), stored.profile()), orElse(changes.extensions(), stored.extensions()),
				orElse(changes.proxyId(), stored.proxyId()), orElse(changes.viewport(), stored.viewport()),
				orElse(changes.startUrl(), stored.startUrl()), orElse(changes.chromePolicy(), stored.chromePolicy()));
	}

	/**
	 * Returns the pause between two launches: {@code size x rate%} browsers a minute.
	 * @param config the stored configuration
	 * @param timeScale how fast the server's clocks run
	 * @return the pause
	 */
	static Duration launchInterval(BrowserPoolRequest config, TimeScale timeScale) {
		long browsersPerHundredMinutes = (long) size(config) * fillRate(config);
		return timeScale.apply(Duration.ofMinutes(100).dividedBy(browsersPerHundredMinutes));
	}

	/**
	 * Returns the time to fill the whole pool at its fill rate: the default acquire poll time.
	 * @param config the stored configuration
	 * @param timeScale how fast the server's clocks run
	 * @return the time
	 */
	static Duration fillTime(BrowserPoolRequest config, TimeScale timeScale) {
		return timeScale.apply(Duration.ofMinutes(100).dividedBy(fillRate(config)));
	}

	static int size(BrowserPoolRequest config) {
		Integer size = config.size();
		return (size != null) ? size : 0;
	}

	private static int fillRate(BrowserPoolRequest config) {
		Integer fillRate = config.fillRatePerMinute();
		return (fillRate != null) ? fillRate : DEFAULT_FILL_RATE_PER_MINUTE;
	}

	private static <T> @Nullable T orElse(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}
