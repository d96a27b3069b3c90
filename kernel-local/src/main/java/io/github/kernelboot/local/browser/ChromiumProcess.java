package io.github.kernelboot.local.browser;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A running Chromium and the directory it was started in.
 */
final class ChromiumProcess implements LaunchedBrowser {

	private final Process process;

	private final Path directory;

	private final String webSocketDebuggerUrl;

	private final Duration exitGrace;

	ChromiumProcess(Process process, Path directory, String webSocketDebuggerUrl, Duration exitGrace) {
		this.process = process;
		this.directory = directory;
		this.webSocketDebuggerUrl = webSocketDebuggerUrl;
		this.exitGrace = exitGrace;
	}

	@Override
	public String webSocketDebuggerUrl() {
		return this.webSocketDebuggerUrl;
	}

	@Override
	public boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void destroy() {
		ProcessTree.terminate(this.process.toHandle(), this.directory.toString(), this.exitGrace);
	}

	@Override
	public String toString() {
		return "Chromium[pid=" + this.process.pid() + "]";
	}

}
