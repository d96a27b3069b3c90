package io.github.kernelboot.local;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import io.github.kernelboot.local.browser.BrowserLauncher;
import io.github.kernelboot.local.browser.ChromiumLauncher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A Kernel-compatible server on this machine: the browser and browser-pool API of Kernel on
 * loopback, backed by real Chromium, so that the starter, its sample app and any official
 * Kernel SDK can be pointed at it unchanged.
 *
 * <pre class="code">
 * try (KernelLocalServer kernel = KernelLocalServer.builder().build()) {
 *     kernel.start();
 *     KernelClient client = KernelClient.builder().baseUrl(kernel.baseUrl()).apiKey(kernel.apiKey()).build();
 *     ...
 * }
 * </pre>
 *
 * <p>{@link #start()} binds the port and returns at once (pools fill in the background);
 * {@link #stop()} destroys every browser and waits until no Chromium process of the server is
 * left. A stopped server can be started again. Thread-safe.
 */
public final class KernelLocalServer implements AutoCloseable {

	/** Address the server binds to unless told otherwise: loopback only. */
	public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

	/** How often idle browsers are looked for by default, as the Kernel API does. */
	public static final Duration DEFAULT_IDLE_CHECK_PERIOD = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(KernelLocalServer.class);

	private final String bindAddress;

	private final int port;

	private final String apiKey;

	private final BrowserLauncher launcher;

	private final TimeScale timeScale;

	private final Duration idleCheckPeriod;

	private final @Nullable Path workDirectory;

	private @Nullable LocalRuntime runtime;

	private KernelLocalServer(Builder builder) {
		this.bindAddress = builder.bindAddress;
		this.port = builder.port;
		this.apiKey = (builder.apiKey != null) ? builder.apiKey : "kl_" + new RandomIds().secret();
		this.launcher = (builder.launcher != null) ? builder.launcher
				: new ChromiumLauncher(builder.chromiumPath, ChromiumLauncher.DEFAULT_STARTUP_TIMEOUT);
		this.timeScale = new TimeScale(builder.timeScale);
		this.idleCheckPeriod = builder.idleCheckPeriod;
		this.workDirectory = builder.workDirectory;
	}

	/**
	 * Starts building a server.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Binds the port and starts serving. Does nothing if the server runs already.
	 */
	public synchronized void start() {
		if (this.runtime != null) {
			return;
		}
		this.runtime = new LocalRuntime(this.bindAddress, this.port, this.apiKey, this.launcher, this.timeScale,
				this.idleCheckPeriod, this.workDirectory);
		logger.info("kernel-local listening on " + baseUrl() + " (browsers by " + this.launcher + ")");
	}

	/**
	 * Stops serving and destroys every browser, waiting until their processes are gone. Does
	 * nothing if the server is not running.
	 */
	public synchronized void stop() {
		LocalRuntime running = this.runtime;
		if (running == null) {
			return;
		}
		this.runtime = null;
		running.stop();
		logger.info("kernel-local stopped");
	}

	/**
	 * Stops the server, as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Returns whether the server runs.
	 * @return whether it runs
	 */
	public synchronized boolean isRunning() {
		return this.runtime != null;
	}

	/**
	 * Returns the URL clients use, such as {@code http://127.0.0.1:40123}.
	 * @return the base URL
	 * @throws IllegalStateException if the server does not run
	 */
	public synchronized String baseUrl() {
		InetSocketAddress address = running().address();
		String host = address.getAddress().isAnyLocalAddress() ? DEFAULT_BIND_ADDRESS : address.getHostString();
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
	}

	/**
	 * Returns the port the server listens on: the one asked for, or the free one it found.
	 * @return the port
	 * @throws IllegalStateException if the server does not run
	 */
	public synchronized int port() {
		return running().address().getPort();
	}

	/**
	 * Returns the API key clients must send as {@code Authorization: Bearer}: the one given
	 * to the builder, or a random one. Never log it.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Returns the directory the browsers of the current run keep their files in; every
	 * process of the server names it in its command line.
	 * @return the directory
	 * @throws IllegalStateException if the server does not run
	 */
	public synchronized Path workDirectory() {
		return running().workDirectory();
	}

	/**
	 * Returns how many acquire polls of a pool are parked now, waiting for a browser. The
	 * Kernel API does not show it; tests and benchmarks use it to know a poll has arrived.
	 * @param idOrName the pool's id or name
	 * @return the number of waiting polls
	 * @throws IllegalStateException if the server does not run
	 * @throws RuntimeException if there is no such pool
	 */
	public int waitingAcquires(String idOrName) {
		return running().pools().get(idOrName).waiting();
	}

	LocalRuntime running() {
		if (this.runtime == null) {
			throw new IllegalStateException("kernel-local is not running");
		}
		return this.runtime;
	}

	@Override
	public String toString() {
		LocalRuntime running = this.runtime;
		return "KernelLocalServer[" + ((running != null) ? running.address() : "stopped") + "]";
	}

	/**
	 * Builder of {@link KernelLocalServer}.
	 */
	public static final class Builder {

		private String bindAddress = DEFAULT_BIND_ADDRESS;

		private int port;

		private @Nullable String apiKey;

		private Path chromiumPath = ChromiumLauncher.DEFAULT_CHROMIUM;

		private @Nullable BrowserLauncher launcher;

		private double timeScale = 1;

		private Duration idleCheckPeriod = DEFAULT_IDLE_CHECK_PERIOD;

		private @Nullable Path workDirectory;

		private Builder() {
		}

		/**
		 * Sets the address to bind to (default {@value KernelLocalServer#DEFAULT_BIND_ADDRESS}).
		 * Other addresses expose the server, and the browsers behind it, to the network.
		 * @param bindAddress the address
		 * @return this builder
		 */
		public Builder bindAddress(String bindAddress) {
			this.bindAddress = bindAddress;
			return this;
		}

		/**
		 * Sets the port (default 0: a free port, see {@link KernelLocalServer#port()}).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets the API key clients must send (default: a random one).
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			if (apiKey != null && apiKey.isBlank()) {
				throw new IllegalArgumentException("apiKey must not be blank");
			}
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Sets the Chromium executable (default {@code /usr/bin/chromium}); ignored when a
		 * launcher is set.
		 * @param chromiumPath the executable
		 * @return this builder
		 */
		public Builder chromiumPath(Path chromiumPath) {
			this.chromiumPath = chromiumPath;
			return this;
		}

		/**
		 * Sets what starts browsers (default: a {@link ChromiumLauncher} of the Chromium path).
		 * @param launcher the launcher
		 * @return this builder
		 */
		public Builder launcher(BrowserLauncher launcher) {
			this.launcher = launcher;
			return this;
		}

		/**
		 * Sets how fast the server's clocks run (default 1): pool fill times, the default
		 * acquire poll time and idle timeouts are multiplied by it. {@code 0.01} fills a pool
		 * of the default fill rate in 2.4 s instead of 4 minutes, and times out a browser of
		 * {@code timeout_seconds: 10} after 0.1 s. Poll times that requests name are not
		 * scaled.
		 * @param timeScale the factor, positive
		 * @return this builder
		 */
		public Builder timeScale(double timeScale) {
			this.timeScale = new TimeScale(timeScale).factor();
			return this;
		}

		/**
		 * Sets how often browsers are checked for idleness (default 5 s, as the Kernel API
		 * does).
		 * @param idleCheckPeriod the period
		 * @return this builder
		 */
		public Builder idleCheckPeriod(Duration idleCheckPeriod) {
			if (idleCheckPeriod.isNegative() || idleCheckPeriod.isZero()) {
				throw new IllegalArgumentException("idleCheckPeriod must be positive (was " + idleCheckPeriod + ")");
			}
			this.idleCheckPeriod = idleCheckPeriod;
			return this;
		}

		/**
		 * Sets the directory browsers keep their files in (default: a new temporary
		 * directory for each run, deleted when the server stops). A directory that exists
		 * already is kept; the browsers' own directories in it are always deleted.
		 * @param workDirectory the directory
		 * @return this builder
		 */
		public Builder workDirectory(Path workDirectory) {
			this.workDirectory = workDirectory;
			return this;
		}

		/**
		 * Builds the server; {@link KernelLocalServer#start()} starts it.
		 * @return the server
		 */
		public KernelLocalServer build() {
			return new KernelLocalServer(this);
		}

	}

}
