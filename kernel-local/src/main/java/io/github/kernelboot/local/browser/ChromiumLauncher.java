package io.github.kernelboot.local.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.kernelboot.client.model.Viewport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Starts real Chromium processes, one user-data-dir each, with DevTools on a free port.
 *
 * <p>Every browser runs headless: kernel-local has no display, so a request for a headful
 * browser is answered with its flag as asked but served by a headless one.
 */
public final class ChromiumLauncher implements BrowserLauncher {

	/** Where Debian and Ubuntu install Chromium. */
	public static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

	/** How long a browser may take to open its DevTools endpoint by default. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(ChromiumLauncher.class);

	// Flags that make Chromium quiet and quick in a container: no sandbox (no user namespaces
	// here), no GPU, no background traffic to Google, no first-run UI.
	private static final List<String> BASE_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
			"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--remote-debugging-port=0");

	private static final Duration EXIT_GRACE = Duration.ofSeconds(3);

	private static final int LOG_TAIL_LENGTH = 2000;

	private final Path executable;

	private final Duration startupTimeout;

	/**
	 * Creates a launcher of {@value #DEFAULT_CHROMIUM}-like executables.
	 * @param executable the Chromium (or Chrome) executable, or a script that execs it
	 * @param startupTimeout how long a browser may take to open its DevTools endpoint
	 */
	public ChromiumLauncher(Path executable, Duration startupTimeout) {
		this.executable = executable;
		this.startupTimeout = startupTimeout;
	}

	/**
	 * Creates a launcher of {@code /usr/bin/chromium}.
	 */
	public ChromiumLauncher() {
		this(DEFAULT_CHROMIUM, DEFAULT_STARTUP_TIMEOUT);
	}

	@Override
	public LaunchedBrowser launch(LaunchSpec spec) {
		if (!Files.isExecutable(this.executable)) {
			throw new BrowserLaunchException("Chromium executable " + this.executable
					+ " does not exist or is not executable (install chromium, or set the chromium path)", null);
		}
		Path userDataDir = spec.directory().resolve("profile");
		Path log = spec.directory().resolve("chromium.log");
		ProcessBuilder builder = new ProcessBuilder(command(spec, userDataDir)).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// Chromium's crash handlers are not children of the browser; with their database in
		// the browser's directory their command lines name it, so destroy() finds them.
		builder.environment().put("XDG_CONFIG_HOME", spec.directory().resolve("config").toString());
		long started = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new BrowserLaunchException("Could not start " + this.executable + ": " + ex.getMessage(), ex);
		}
		try {
			String url = DevToolsActivePort.await(userDataDir, process, this.startupTimeout);
			if (logger.isDebugEnabled()) {
				logger.debug("Chromium " + process.pid() + " started in "
						+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
			}
			return new ChromiumProcess(process, spec.directory(), url, EXIT_GRACE);
		}
		catch (BrowserLaunchException ex) {
			ProcessTree.terminate(process.toHandle(), spec.directory().toString(), EXIT_GRACE);
			throw new BrowserLaunchException(ex.getMessage() + "; its output: " + tail(log), ex);
		}
	}

	List<String> command(LaunchSpec spec, Path userDataDir) {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		command.addAll(BASE_FLAGS);
		command.add("--user-data-dir=" + userDataDir);
		command.add("--remote-allow-origins=" + DEVTOOLS_ORIGIN);
		Viewport viewport = spec.viewport();
		if (viewport != null) {
			command.add("--window-size=" + viewport.width() + "," + viewport.height());
		}
		if (spec.stealth()) {
			command.add("--disable-blink-features=AutomationControlled");
		}
		if (spec.kioskMode()) {
			command.add("--kiosk");
		}
		String startUrl = spec.startUrl();
		// "--" ends the flags: a start URL can never be read as one.
		command.add("--");
		command.add((startUrl != null) ? startUrl : "about:blank");
		return command;
	}

	private static String tail(Path log) {
		try {
			String text = Files.readString(log, StandardCharsets.UTF_8).strip();
			return (text.length() <= LOG_TAIL_LENGTH) ? text : "..." + text.substring(text.length() - LOG_TAIL_LENGTH);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return "ChromiumLauncher[" + this.executable + "]";
	}

}
