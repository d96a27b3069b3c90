package io.github.kernelboot.autoconfigure;

import java.time.Duration;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;

/**
 * The Reactor Netty connection pool of the Kernel client's acquire polls, apart from the pool
 * other calls use: each waiting acquire holds a connection while the server holds its poll,
 * and a release must never wait behind them for a connection.
 */
public class KernelPollingConnections implements DisposableBean {

	private final ConnectionProvider provider;

	/**
	 * Creates the pool.
	 * @param maxConnections most polls in flight at once; further polls wait in the client
	 */
	public KernelPollingConnections(int maxConnections) {
		// No limit on polls waiting for a connection, and no wait limit of the pool's own:
		// each poll's response timeout bounds its whole attempt.
		this.provider = ConnectionProvider.builder("kernel-polls")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofDays(1))
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Returns a Reactor Netty client on this pool.
	 * @return the client
	 */
	public HttpClient httpClient() {
		return HttpClient.create(this.provider);
	}

	@Override
	public void destroy() {
		this.provider.dispose();
	}

}
