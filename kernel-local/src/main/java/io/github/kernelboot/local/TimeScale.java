package io.github.kernelboot.local;

import java.time.Duration;

/**
 * How fast kernel-local's own clocks run: fill times, the default acquire poll time and idle
 * timeouts are multiplied by the factor, so tests can fill a pool or time out a browser in a
 * fraction of a second while requests keep the API's numbers.
 *
 * @param factor multiplier of the API's durations, 1 for real time
 */
record TimeScale(double factor) {

	TimeScale {
		if (!(factor > 0) || Double.isInfinite(factor)) {
			throw new IllegalArgumentException("time scale must be a positive number (was " + factor + ")");
		}
	}

	Duration apply(Duration duration) {
		return Duration.ofNanos(Math.round(duration.toNanos() * this.factor));
	}

	Duration seconds(long seconds) {
		return apply(Duration.ofSeconds(seconds));
	}

}
