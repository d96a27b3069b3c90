package io.github.kernelboot.local.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.kernelboot.client.model.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link ChromiumLauncher} starts Chromium, and how it fails.
 */
class ChromiumLauncherTests {

	private final ChromiumLauncher launcher = new ChromiumLauncher();

	@Test
	void mapsTheSessionSettingsToFlags(@TempDir Path directory) {
		LaunchSpec spec = new LaunchSpec(directory, false, true, true, Viewport.of(1280, 800), "https://example.com/?a=1");
		assertThat(this.launcher.command(spec, directory.resolve("profile"))).startsWith("/usr/bin/chromium", "--headless")
			.contains("--remote-debugging-port=0", "--user-data-dir=" + directory.resolve("profile"),
					"--remote-allow-origins=" + BrowserLauncher.DEVTOOLS_ORIGIN, "--window-size=1280,800",
					"--disable-blink-features=AutomationControlled", "--kiosk")
			.endsWith("--", "https://example.com/?a=1");
	}

	@Test
	void opensABlankPageWithoutAStartUrl(@TempDir Path directory) {
		LaunchSpec spec = new LaunchSpec(directory, true, false, false, null, null);
		assertThat(this.launcher.command(spec, directory)).endsWith("--", "about:blank")
			.noneMatch((flag) -> flag.startsWith("--window-size") || flag.equals("--kiosk")
					|| flag.startsWith("--disable-blink-features"));
	}

	@Test
	void startsChromiumAndDestroysItWithEveryProcessItStarted(@TempDir Path directory) {
		LaunchedBrowser browser = this.launcher.launch(new LaunchSpec(directory, true, false, false, null, null));
		assertThat(browser.webSocketDebuggerUrl()).matches("ws://127\\.0\\.0\\.1:\\d+/devtools/browser/[-0-9a-f]+");
		assertThat(browser.isAlive()).isTrue();
		assertThat(ProcessTree.marked(directory.toString())).hasSizeGreaterThan(1);
		browser.destroy();
		assertThat(browser.isAlive()).isFalse();
		assertThat(ProcessTree.marked(directory.toString())).isEmpty();
		browser.destroy();
	}

	@Test
	void failsClearlyWithoutAnExecutable(@TempDir Path directory) {
		ChromiumLauncher missing = new ChromiumLauncher(directory.resolve("chromium"), Duration.ofSeconds(5));
		assertThatExceptionOfType(BrowserLaunchException.class)
			.isThrownBy(() -> missing.launch(new LaunchSpec(directory, true, false, false, null, null)))
			.withMessageContaining("does not exist or is not executable");
	}

	@Test
	void failsWithTheBrowsersOutputWhenItExitsEarly(@TempDir Path directory) throws Exception {
		Path script = directory.resolve("broken-chromium");
		Files.writeString(script, "#!/bin/sh\necho 'no display, no luck' >&2\nexit 3\n", StandardCharsets.UTF_8);
		assertThat(script.toFile().setExecutable(true)).isTrue();
		ChromiumLauncher broken = new ChromiumLauncher(script, Duration.ofSeconds(10));
		assertThatExceptionOfType(BrowserLaunchException.class)
			.isThrownBy(() -> broken.launch(new LaunchSpec(directory, true, false, false, null, null)))
			.withMessageContaining("exited with status 3")
			.withMessageContaining("no display, no luck");
	}

	@Test
	void failsWhenDevToolsDoNotOpenInTime(@TempDir Path directory) throws Exception {
		Path script = directory.resolve("slow-chromium");
		Files.writeString(script, "#!/bin/sh\nexec sleep 30\n", StandardCharsets.UTF_8);
		assertThat(script.toFile().setExecutable(true)).isTrue();
		ChromiumLauncher slow = new ChromiumLauncher(script, Duration.ofMillis(300));
		assertThatExceptionOfType(BrowserLaunchException.class)
			.isThrownBy(() -> slow.launch(new LaunchSpec(directory, true, false, false, null, null)))
			.withMessageContaining("within PT0.3S");
		assertThat(ProcessTree.marked(directory.toString())).isEmpty();
	}

}
