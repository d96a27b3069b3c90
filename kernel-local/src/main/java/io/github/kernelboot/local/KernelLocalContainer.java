package io.github.kernelboot.local;

import org.testcontainers.lifecycle.Startable;

/**
 * kernel-local as a Testcontainers {@link Startable}, for {@code @Container} fields of
 * {@code @Testcontainers} tests; no Docker is involved. Needs
 * {@code org.testcontainers:testcontainers} on the classpath, which kernel-local itself
 * does not require.
 *
 * <pre class="code">
 * &#64;Testcontainers
 * class CheckoutTests {
 *
 *     &#64;Container
 *     static KernelLocalContainer kernel = new KernelLocalContainer();
 *
 *     &#64;Test
 *     void buysOnePair() {
 *         KernelClient client = KernelClient.builder().baseUrl(kernel.baseUrl()).apiKey(kernel.apiKey()).build();
 *         ...
 *     }
 *
 * }
 * </pre>
 */
public final class KernelLocalContainer implements Startable {

	private final KernelLocalServer server;

	/**
	 * Creates a container of a server with the default options: a free port on loopback, a
	 * random API key, {@code /usr/bin/chromium}.
	 */
	public KernelLocalContainer() {
		this(KernelLocalServer.builder().build());
	}

	/**
	 * Creates a container of the given server.
	 * @param server the server, usually not started yet
	 */
	public KernelLocalContainer(KernelLocalServer server) {
		this.server = server;
	}

	@Override
	public void start() {
		this.server.start();
	}

	@Override
	public void stop() {
		this.server.stop();
	}

	/**
	 * Returns the server.
	 * @return the server
	 */
	public KernelLocalServer getServer() {
		return this.server;
	}

	/**
	 * Returns the URL clients use, as {@link KernelLocalServer#baseUrl()}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Returns the API key clients must send, as {@link KernelLocalServer#apiKey()}.
	 * @return the API key
	 */
	public String apiKey() {
		return this.server.apiKey();
	}

}
