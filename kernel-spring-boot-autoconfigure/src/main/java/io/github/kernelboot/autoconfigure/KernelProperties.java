package io.github.kernelboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.kernelboot.client.InvalidRequestException;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.RequestValidator;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.ExtensionSelection;
import io.github.kernelboot.client.model.ProfileSelection;
import io.github.kernelboot.client.model.Viewport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration properties of the Kernel starter, under {@code kernel}.
 *
 * <p>The properties check themselves when they are bound: a bad value stops the application at
 * startup with a message that names the property.
 */
@ConfigurationProperties("kernel")
public class KernelProperties implements InitializingBean {

	/**
	 * API key of the Kernel account, sent as a bearer token. The KERNEL_API_KEY environment
	 * variable sets it too. Required unless the base URL is on this machine.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the Kernel API: an http or https URL, which may have a path but no query.
	 * The KERNEL_BASE_URL environment variable sets it too.
	 */
	private String baseUrl = "https://api.onkernel.com";

	/**
	 * Time to establish a connection to the Kernel API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time one request may wait for its answer. An acquire poll may wait this much longer
	 * than the poll time it asks the server for.
	 */
	private Duration readTimeout = Duration.ofSeconds(60);

	/**
	 * Number of times a failed request (connection failure, timeout, 408, 409, 429, 5xx) is
	 * sent again.
	 */
	private int maxRetries = 2;

	/**
	 * Most acquire polls in flight at once. Each waiting acquire holds a connection of its own
	 * while the server holds its poll; further polls wait in the client for one. Polls have
	 * their own connections, so other calls never wait behind them.
	 */
	private int maxPollingConnections = 1000;

	/**
	 * Pool that leases come from when @KernelBrowser names none.
	 */
	private @Nullable String defaultPool;

	/**
	 * What happens at startup to the pools declared under kernel.pools.<name>.provision:
	 * nothing, created when missing, or also updated to the declared configuration.
	 */
	private Provisioning provisioning = Provisioning.NONE;

	/**
	 * Longest wait, when the application stops, for the leases still held to be released.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Per-pool settings, by pool name.
	 */
	private Map<String, Pool> pools = new LinkedHashMap<>();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public int getMaxRetries() {
		return this.maxRetries;
	}

	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	public int getMaxPollingConnections() {
		return this.maxPollingConnections;
	}

	public void setMaxPollingConnections(int maxPollingConnections) {
		this.maxPollingConnections = maxPollingConnections;
	}

	public @Nullable String getDefaultPool() {
		return this.defaultPool;
	}

	public void setDefaultPool(@Nullable String defaultPool) {
		this.defaultPool = defaultPool;
	}

	public Provisioning getProvisioning() {
		return this.provisioning;
	}

	public void setProvisioning(Provisioning provisioning) {
		this.provisioning = provisioning;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Map<String, Pool> getPools() {
		return this.pools;
	}

	public void setPools(Map<String, Pool> pools) {
		this.pools = pools;
	}

	/**
	 * Returns the settings of a pool: those declared under {@code kernel.pools.<name>}, or the
	 * defaults.
	 * @param name the pool name
	 * @return the settings
	 */
	public Pool getPool(String name) {
		Pool pool = this.pools.get(name);
		return (pool != null) ? pool : new Pool();
	}

	/**
	 * Checks the bound values; called by Spring once they are bound.
	 * @throws InvalidConfigurationPropertyValueException naming the first bad property
	 */
	@Override
	public void afterPropertiesSet() {
		String baseUrlProblem = KernelClient.baseUrlProblem(this.baseUrl);
		if (baseUrlProblem != null) {
			throw invalid("kernel.base-url", this.baseUrl, baseUrlProblem);
		}
		requirePositive("kernel.connect-timeout", this.connectTimeout);
		requirePositive("kernel.read-timeout", this.readTimeout);
		requirePositive("kernel.shutdown-timeout", this.shutdownTimeout);
		if (this.maxRetries < 0) {
			throw invalid("kernel.max-retries", this.maxRetries, "must not be negative");
		}
		if (this.maxPollingConnections < 1) {
			throw invalid("kernel.max-polling-connections", this.maxPollingConnections, "must be at least 1");
		}
		if (this.defaultPool != null && this.defaultPool.isBlank()) {
			throw invalid("kernel.default-pool", this.defaultPool, "must not be blank when set");
		}
		this.pools.forEach((name, pool) -> pool.validate(name));
	}

	private static void requirePositive(String property, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(property, value, "must be positive");
		}
	}

	private static InvalidConfigurationPropertyValueException invalid(String property, @Nullable Object value,
			String reason) {
		return new InvalidConfigurationPropertyValueException(property, value, reason);
	}

	/**
	 * When the starter creates or updates the pools declared under
	 * {@code kernel.pools.<name>.provision}.
	 */
	public enum Provisioning {

		/** Never: the pools are managed elsewhere. */
		NONE,

		/** Creates each declared pool that does not exist yet; leaves existing ones alone. */
		CREATE_IF_MISSING,

		/** Creates missing pools and updates existing ones to the declared configuration. */
		RECONCILE

	}

	/**
	 * Settings of one pool.
	 */
	public static class Pool {

		/**
		 * Overall time to wait for one lease, across polls.
		 */
		private Duration acquireTimeout = Duration.ofSeconds(60);

		/**
		 * Time the server may hold one acquire poll before it answers 204 (whole seconds, at
		 * least 1).
		 */
		private Duration pollTimeout = Duration.ofSeconds(20);

		/**
		 * Whether released browsers go back to the pool as they are (cookies, tabs and
		 * logins carry over) rather than being destroyed and replaced.
		 */
		private boolean releaseReuse = true;

		/**
		 * Time a lease may be held before a warning with the stack that acquired it is
		 * logged. Unset turns leak detection off.
		 */
		private @Nullable Duration leakDetectionThreshold;

		/**
		 * Desired configuration of the pool, used when kernel.provisioning creates or
		 * updates it.
		 */
		private Provision provision = new Provision();

		public Duration getAcquireTimeout() {
			return this.acquireTimeout;
		}

		public void setAcquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
		}

		public Duration getPollTimeout() {
			return this.pollTimeout;
		}

		public void setPollTimeout(Duration pollTimeout) {
			this.pollTimeout = pollTimeout;
		}

		public boolean isReleaseReuse() {
			return this.releaseReuse;
		}

		public void setReleaseReuse(boolean releaseReuse) {
			this.releaseReuse = releaseReuse;
		}

		public @Nullable Duration getLeakDetectionThreshold() {
			return this.leakDetectionThreshold;
		}

		public void setLeakDetectionThreshold(@Nullable Duration leakDetectionThreshold) {
			this.leakDetectionThreshold = leakDetectionThreshold;
		}

		public Provision getProvision() {
			return this.provision;
		}

		public void setProvision(Provision provision) {
			this.provision = provision;
		}

		void validate(String name) {
			String prefix = "kernel.pools." + name + ".";
			if (name.isBlank()) {
				throw invalid("kernel.pools", name, "must not have a blank pool name");
			}
			requirePositive(prefix + "acquire-timeout", this.acquireTimeout);
			if (this.pollTimeout == null || this.pollTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
				throw invalid(prefix + "poll-timeout", this.pollTimeout, "must be at least 1s");
			}
			if (this.leakDetectionThreshold != null) {
				requirePositive(prefix + "leak-detection-threshold", this.leakDetectionThreshold);
			}
			if (this.provision.isDeclared()) {
				try {
					RequestValidator.validateCreate(this.provision.toPoolRequest(name));
				}
				catch (InvalidRequestException ex) {
					// The API's JSON path (viewport.refresh_rate) is the property's (viewport.refresh-rate).
					throw invalid(prefix + "provision." + ex.getField().replace('_', '-'), null, ex.getProblem());
				}
			}
		}

	}

	/**
	 * Desired configuration of a pool, as {@code POST /browser_pools} takes it.
	 */
	public static class Provision {

		/**
		 * Number of browsers the pool keeps warm. Required to provision the pool.
		 */
		private @Nullable Integer size;

		/**
		 * Percent of the size filled per minute (server default 25).
		 */
		private @Nullable Integer fillRatePerMinute;

		/**
		 * Idle timeout of an acquired browser in seconds, 10 to 259200 (server default 600).
		 */
		private @Nullable Integer timeoutSeconds;

		/**
		 * Whether the browsers run headless.
		 */
		private @Nullable Boolean headless;

		/**
		 * Whether the browsers run in stealth mode.
		 */
		private @Nullable Boolean stealth;

		/**
		 * Whether the browsers run in kiosk mode.
		 */
		private @Nullable Boolean kioskMode;

		/**
		 * Proxy to route the browsers' traffic through.
		 */
		private @Nullable String proxyId;

		/**
		 * URL every browser opens at start.
		 */
		private @Nullable String startUrl;

		/**
		 * Initial window size of the browsers.
		 */
		private @Nullable ViewportSize viewport;

		/**
		 * Profile loaded read-only into every browser, by id or by name.
		 */
		private @Nullable Reference profile;

		/**
		 * Extensions loaded into every browser, each by id or by name.
		 */
		private List<Reference> extensions = new ArrayList<>();

		public @Nullable Integer getSize() {
			return this.size;
		}

		public void setSize(@Nullable Integer size) {
			this.size = size;
		}

		public @Nullable Integer getFillRatePerMinute() {
			return this.fillRatePerMinute;
		}

		public void setFillRatePerMinute(@Nullable Integer fillRatePerMinute) {
			this.fillRatePerMinute = fillRatePerMinute;
		}

		public @Nullable Integer getTimeoutSeconds() {
			return this.timeoutSeconds;
		}

		public void setTimeoutSeconds(@Nullable Integer timeoutSeconds) {
			this.timeoutSeconds = timeoutSeconds;
		}

		public @Nullable Boolean getHeadless() {
			return this.headless;
		}

		public void setHeadless(@Nullable Boolean headless) {
			this.headless = headless;
		}

		public @Nullable Boolean getStealth() {
			return this.stealth;
		}

		public void setStealth(@Nullable Boolean stealth) {
			this.stealth = stealth;
		}

		public @Nullable Boolean getKioskMode() {
			return this.kioskMode;
		}

		public void setKioskMode(@Nullable Boolean kioskMode) {
			this.kioskMode = kioskMode;
		}

		public @Nullable String getProxyId() {
			return this.proxyId;
		}

		public void setProxyId(@Nullable String proxyId) {
			this.proxyId = proxyId;
		}

		public @Nullable String getStartUrl() {
			return this.startUrl;
		}

		public void setStartUrl(@Nullable String startUrl) {
			this.startUrl = startUrl;
		}

		public @Nullable ViewportSize getViewport() {
			return this.viewport;
		}

		public void setViewport(@Nullable ViewportSize viewport) {
			this.viewport = viewport;
		}

		public @Nullable Reference getProfile() {
			return this.profile;
		}

		public void setProfile(@Nullable Reference profile) {
			this.profile = profile;
		}

		public List<Reference> getExtensions() {
			return this.extensions;
		}

		public void setExtensions(List<Reference> extensions) {
			this.extensions = extensions;
		}

		/**
		 * Tells whether anything of the pool's configuration is declared.
		 * @return whether any provision property is set
		 */
		public boolean isDeclared() {
			return !toPoolRequest(null).equals(BrowserPoolRequest.builder().build());
		}

		/**
		 * Returns the declared configuration as the body of {@code POST /browser_pools}.
		 * @param name the pool name
		 * @return the request
		 */
		public BrowserPoolRequest toPoolRequest(@Nullable String name) {
			return BrowserPoolRequest.builder()
				.name(name)
				.size(this.size)
				.fillRatePerMinute(this.fillRatePerMinute)
				.timeoutSeconds(this.timeoutSeconds)
				.headless(this.headless)
				.stealth(this.stealth)
				.kioskMode(this.kioskMode)
				.proxyId(this.proxyId)
				.startUrl(this.startUrl)
				.viewport((this.viewport != null) ? this.viewport.toViewport() : null)
				.profile((this.profile != null) ? new ProfileSelection(this.profile.getId(), this.profile.getName(), null)
						: null)
				.extensions(this.extensions.isEmpty() ? null
						: this.extensions.stream().map((ref) -> new ExtensionSelection(ref.getId(), ref.getName())).toList())
				.build();
		}

	}

	/**
	 * Window size of the browsers of a pool.
	 */
	public static class ViewportSize {

		/**
		 * Window width in pixels, 320 to 7680.
		 */
		private int width;

		/**
		 * Window height in pixels, 240 to 4320.
		 */
		private int height;

		/**
		 * Refresh rate in Hz; the server derives it from known presets when unset.
		 */
		private @Nullable Integer refreshRate;

		public int getWidth() {
			return this.width;
		}

		public void setWidth(int width) {
			this.width = width;
		}

		public int getHeight() {
			return this.height;
		}

		public void setHeight(int height) {
			this.height = height;
		}

		public @Nullable Integer getRefreshRate() {
			return this.refreshRate;
		}

		public void setRefreshRate(@Nullable Integer refreshRate) {
			this.refreshRate = refreshRate;
		}

		Viewport toViewport() {
			return new Viewport(this.width, this.height, this.refreshRate);
		}

	}

	/**
	 * A profile or extension uploaded to Kernel, by id or by name (exactly one of the two).
	 */
	public static class Reference {

		/**
		 * Id of the profile or extension.
		 */
		private @Nullable String id;

		/**
		 * Name of the profile or extension.
		 */
		private @Nullable String name;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

	}

}
