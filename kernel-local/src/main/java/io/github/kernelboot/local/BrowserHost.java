package io.github.kernelboot.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.kernelboot.local.browser.BrowserLauncher;
import io.github.kernelboot.local.browser.LaunchedBrowser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Starts and destroys the browsers of one server, off the event loop (a launch blocks while
 * Chromium starts), each in its own directory under the server's work directory, and destroys
 * whatever still runs when the server stops.
 */
final class BrowserHost {

	private static final Log logger = LogFactory.getLog(BrowserHost.class);

	private static final int THREADS = 8;

	private static final int QUEUED_TASKS = 100_000;

	private final BrowserLauncher launcher;

	private final Path workDirectory;

	private final Scheduler scheduler = Schedulers.newBoundedElastic(THREADS, QUEUED_TASKS, "kernel-local-browsers");

	private final Map<LaunchedBrowser, Path> running = new ConcurrentHashMap<>();

	private volatile boolean closed;

	BrowserHost(BrowserLauncher launcher, Path workDirectory) {
		this.launcher = launcher;
		this.workDirectory = workDirectory;
	}

	/**
	 * Starts a browser and hands it to its owner in the same step, so that a browser is never
	 * started without an owner, even when the caller cancels.
	 * @param <T> what the owner makes of it
	 * @param settings the browser's settings
	 * @param adopt makes the owner's object of the running browser; if it throws, the browser
	 * is destroyed
	 * @return the owner's object
	 */
	<T> Mono<T> launch(BrowserSettings settings, Function<LaunchedBrowser, T> adopt) {
		return Mono.fromCallable(() -> {
			if (this.closed) {
				throw new IllegalStateException("kernel-local is stopping");
			}
			Path directory = Files.createTempDirectory(this.workDirectory, "browser-");
			LaunchedBrowser browser;
			try {
				browser = this.launcher.launch(settings.toLaunchSpec(directory));
			}
			catch (RuntimeException ex) {
				deleteRecursively(directory);
				throw ex;
			}
			this.running.put(browser, directory);
			try {
				if (this.closed) {
					throw new IllegalStateException("kernel-local is stopping");
				}
				return adopt.apply(browser);
			}
			catch (RuntimeException ex) {
				destroyNow(browser);
				throw ex;
			}
		}).subscribeOn(this.scheduler);
	}

	/**
	 * Destroys a browser in the background.
	 * @param browser the browser
	 */
	void destroy(LaunchedBrowser browser) {
		try {
			this.scheduler.schedule(() -> destroyNow(browser));
		}
		catch (RejectedExecutionException ex) {
			// Stopping: close() destroys what is left.
		}
	}

	/**
	 * Refuses new launches, waits for the running ones and destroys every browser.
	 * @param timeout how long to wait for launches and destroys in the background
	 */
	void close(Duration timeout) {
		this.closed = true;
		this.running.keySet().forEach(this::destroy);
		try {
			this.scheduler.disposeGracefully().block(timeout);
		}
		catch (RuntimeException ex) {
			logger.warn("Browser launches and destroys did not finish within " + timeout + "; destroying the rest now");
			this.scheduler.dispose();
		}
		this.running.keySet().forEach(this::destroyNow);
	}

	private void destroyNow(LaunchedBrowser browser) {
		Path directory = this.running.remove(browser);
		if (directory == null) {
			return;
		}
		try {
			browser.destroy();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not destroy " + browser, ex);
		}
		deleteRecursively(directory);
	}

	static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("Could not delete " + directory + ": " + ex.getMessage());
		}
	}

}
