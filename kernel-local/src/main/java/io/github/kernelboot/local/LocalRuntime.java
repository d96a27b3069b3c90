package io.github.kernelboot.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.kernelboot.local.browser.BrowserLauncher;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * One run of a {@link KernelLocalServer}: the HTTP server, its routes and the pools and
 * browsers behind them, from start to stop.
 */
final class LocalRuntime {

	private static final Duration HTTP_SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

	private static final Duration BROWSER_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private final Path workDirectory;

	private final boolean ownsWorkDirectory;

	private final Scheduler timer = Schedulers.newSingle("kernel-local-timer");

	private final BrowserHost host;

	private final PoolRegistry pools;

	private final BrowserSessions browsers;

	private final DisposableServer server;

	private final Disposable idleChecks;

	private volatile boolean stopping;

	LocalRuntime(String bindAddress, int port, String apiKey, BrowserLauncher launcher, TimeScale timeScale,
			Duration idleCheckPeriod, @Nullable Path workDirectory) {
		this.ownsWorkDirectory = workDirectory == null || !Files.exists(workDirectory);
		this.workDirectory = createWorkDirectory(workDirectory);
		this.host = new BrowserHost(launcher, this.workDirectory);
		SessionRegistry sessions = new SessionRegistry();
		PoolContext context = new PoolContext(this.host, sessions, new RandomIds(), this.timer, timeScale);
		this.pools = new PoolRegistry(context);
		this.browsers = new BrowserSessions(context);
		HttpClient devtools = HttpClient.create()
			.headers((headers) -> headers.set(HttpHeaderNames.ORIGIN, BrowserLauncher.DEVTOOLS_ORIGIN));
		ApiRouter router = new ApiRouter(new BearerAuthentication(apiKey), new ApiJson(), () -> this.stopping);
		new BrowsersRoutes(this.browsers, sessions).register(router);
		new BrowserPoolsRoutes(this.pools, new CdpNavigator(devtools)).register(router);
		router.publicRoute(HttpMethod.GET, CdpProxy.ROUTE, new CdpProxy(sessions, devtools));
		try {
			this.server = HttpServer.create().host(bindAddress).port(port).handle(router).bindNow();
		}
		catch (RuntimeException ex) {
			this.host.close(BROWSER_SHUTDOWN_TIMEOUT);
			this.timer.dispose();
			deleteWorkDirectory();
			throw ex;
		}
		this.idleChecks = this.timer.schedulePeriodically(this.browsers::expireIdle, idleCheckPeriod.toNanos(),
				idleCheckPeriod.toNanos(), TimeUnit.NANOSECONDS);
	}

	private static Path createWorkDirectory(@Nullable Path requested) {
		try {
			return (requested != null) ? Files.createDirectories(requested) : Files.createTempDirectory("kernel-local-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create kernel-local's work directory", ex);
		}
	}

	InetSocketAddress address() {
		return (InetSocketAddress) this.server.address();
	}

	PoolRegistry pools() {
		return this.pools;
	}

	Path workDirectory() {
		return this.workDirectory;
	}

	/**
	 * Stops: refuses new requests, answers waiting polls, destroys every browser and waits
	 * until their processes are gone.
	 */
	void stop() {
		this.stopping = true;
		this.idleChecks.dispose();
		this.pools.deleteAll();
		this.browsers.deleteAll();
		this.server.disposeNow(HTTP_SHUTDOWN_TIMEOUT);
		this.host.close(BROWSER_SHUTDOWN_TIMEOUT);
		this.timer.dispose();
		deleteWorkDirectory();
	}

	private void deleteWorkDirectory() {
		if (this.ownsWorkDirectory) {
			BrowserHost.deleteRecursively(this.workDirectory);
		}
	}

}
