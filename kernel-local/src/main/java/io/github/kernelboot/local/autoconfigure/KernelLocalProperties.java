package io.github.kernelboot.local.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import io.github.kernelboot.local.KernelLocalServer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration properties of the in-process kernel-local server, under {@code kernel.local}.
 */
@ConfigurationProperties("kernel.local")
public class KernelLocalProperties implements InitializingBean {

	/**
	 * Whether to start kernel-local in-process and point the Kernel client at it. Unset, it
	 * starts when neither a Kernel API key nor kernel.base-url is configured.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Port to listen on; 0 picks a free one.
	 */
	private int port;

	/**
	 * Address to bind; loopback keeps the server to this machine.
	 */
	private String bindAddress = KernelLocalServer.DEFAULT_BIND_ADDRESS;

	/**
	 * Chromium executable the browsers run.
	 */
	private Path chromiumPath = Path.of("/usr/bin/chromium");

	/**
	 * Factor applied to pool fill times, the default acquire poll time and idle timeouts;
	 * below 1 makes them shorter, for tests.
	 */
	private double timeScale = 1.0;

	/**
	 * How often browsers are checked for idleness.
	 */
	private Duration idleCheckPeriod = KernelLocalServer.DEFAULT_IDLE_CHECK_PERIOD;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public String getBindAddress() {
		return this.bindAddress;
	}

	public void setBindAddress(String bindAddress) {
		this.bindAddress = bindAddress;
	}

	public Path getChromiumPath() {
		return this.chromiumPath;
	}

	public void setChromiumPath(Path chromiumPath) {
		this.chromiumPath = chromiumPath;
	}

	public double getTimeScale() {
		return this.timeScale;
	}

	public void setTimeScale(double timeScale) {
		this.timeScale = timeScale;
	}

	public Duration getIdleCheckPeriod() {
		return this.idleCheckPeriod;
	}

	public void setIdleCheckPeriod(Duration idleCheckPeriod) {
		this.idleCheckPeriod = idleCheckPeriod;
	}

	/**
	 * Checks the bound values with the server builder's own checks, so that a bad one
	 * stops the application at startup naming its property.
	 * @throws InvalidConfigurationPropertyValueException naming the first bad property
	 */
	@Override
	public void afterPropertiesSet() {
		KernelLocalServer.Builder builder = KernelLocalServer.builder();
		check("kernel.local.port", this.port, () -> builder.port(this.port));
		check("kernel.local.time-scale", this.timeScale, () -> builder.timeScale(this.timeScale));
		check("kernel.local.idle-check-period", this.idleCheckPeriod,
				() -> builder.idleCheckPeriod(this.idleCheckPeriod));
	}

	private static void check(String property, Object value, Runnable apply) {
		try {
			apply.run();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
		}
	}

}
