package io.github.kernelboot.local;

import java.time.Duration;

import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.Viewport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool's stored configuration and the times that follow from it.
 */
class PoolConfigTests {

	@Test
	void fillsInTheApiDefaults() {
		BrowserPoolRequest stored = PoolConfig.withDefaults(BrowserPoolRequest.builder().size(4).build());
		assertThat(stored.fillRatePerMinute()).isEqualTo(25);
		assertThat(stored.timeoutSeconds()).isEqualTo(600);
		assertThat(stored.size()).isEqualTo(4);
	}

	@Test
	void launchesSizeTimesRatePercentBrowsersAMinute() {
		BrowserPoolRequest config = PoolConfig.withDefaults(BrowserPoolRequest.builder().size(10).build());
		// 25% of 10 a minute: 2.5 browsers a minute, one every 24 s; the whole pool in 4 minutes.
		assertThat(PoolConfig.launchInterval(config, new TimeScale(1))).isEqualTo(Duration.ofSeconds(24));
		assertThat(PoolConfig.fillTime(config, new TimeScale(1))).isEqualTo(Duration.ofMinutes(4));
		assertThat(PoolConfig.fillTime(config, new TimeScale(0.01))).isEqualTo(Duration.ofMillis(2400));
	}

	@Test
	void changesReplaceOnlyTheComponentsTheySet() {
		BrowserPoolRequest stored = PoolConfig.withDefaults(
				BrowserPoolRequest.builder().name("shop").size(2).viewport(Viewport.of(1280, 800)).build());
		BrowserPoolRequest changed = PoolConfig.merge(stored, BrowserPoolRequest.builder().size(5).stealth(true).build());
		assertThat(changed.name()).isEqualTo("shop");
		assertThat(changed.size()).isEqualTo(5);
		assertThat(changed.stealth()).isTrue();
		assertThat(changed.viewport()).isEqualTo(Viewport.of(1280, 800));
		assertThat(changed.fillRatePerMinute()).isEqualTo(25);
	}

}
