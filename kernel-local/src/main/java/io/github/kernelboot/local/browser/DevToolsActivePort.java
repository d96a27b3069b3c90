package io.github.kernelboot.local.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@code DevToolsActivePort} file Chromium writes into its user-data-dir once its DevTools
 * endpoint listens: the port on the first line, the browser target's path on the second.
 * Reading it is how {@code --remote-debugging-port=0} (a free port, no races) is made usable.
 */
final class DevToolsActivePort {

	static final String FILE_NAME = "DevToolsActivePort";

	private static final Duration FIRST_POLL = Duration.ofMillis(5);

	private static final Duration LONGEST_POLL = Duration.ofMillis(50);

	private DevToolsActivePort() {
	}

	/**
	 * Waits for the file to hold both lines.
	 * @param userDataDir the browser's user-data-dir
	 * @param process the browser, so that a browser that dies stops the wait at once
	 * @param timeout how long to wait
	 * @return the browser-level websocket URL
	 * @throws BrowserLaunchException if the browser exits or the time passes first
	 */
	static String await(Path userDataDir, Process process, Duration timeout) {
		Path file = userDataDir.resolve(FILE_NAME);
		long deadline = System.nanoTime() + timeout.toNanos();
		long pollNanos = FIRST_POLL.toNanos();
		while (true) {
			String url = read(file);
			if (url != null) {
				return url;
			}
			if (!process.isAlive()) {
				throw new BrowserLaunchException("Browser exited with status " + process.exitValue()
						+ " before it wrote " + file, null);
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new BrowserLaunchException("Browser did not write " + file + " within " + timeout, null);
			}
			try {
				// Chromium gives no other signal that DevTools listens: poll with a growing pause.
				Thread.sleep(Duration.ofNanos(Math.min(pollNanos, left)).toMillis() + 1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BrowserLaunchException("Interrupted while waiting for the browser to start", ex);
			}
			pollNanos = Math.min(pollNanos * 2, LONGEST_POLL.toNanos());
		}
	}

	/**
	 * Reads the file once.
	 * @param file the file
	 * @return the websocket URL, or {@code null} while the file is missing or incomplete
	 */
	static @Nullable String read(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (lines.size() < 2 || lines.get(0).isBlank() || !lines.get(1).startsWith("/")) {
				return null;
			}
			int port = Integer.parseInt(lines.get(0).trim());
			return "ws://127.0.0.1:" + port + lines.get(1).trim();
		}
		catch (NoSuchFileException | NumberFormatException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new BrowserLaunchException("Could not read " + file, ex);
		}
	}

}
