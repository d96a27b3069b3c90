package io.github.kernelboot.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Configuration of a browser pool: the body of {@code POST /browser_pools}, the changes of
 * {@code PATCH /browser_pools/{id_or_name}} (see {@link BrowserPoolUpdate}), and the
 * {@code browser_pool_config} a {@link BrowserPool} reports.
 *
 * @param name unique name of the pool
 * @param size number of browsers the pool keeps (required on create)
 * @param fillRatePerMinute percent of {@code size} filled per minute (server default 25)
 * @param timeoutSeconds idle timeout of an acquired browser, 10 to 259200 (server default 600)
 * @param headless whether the browsers run headless
 * @param stealth whether the browsers run in stealth mode
 * @param kioskMode whether the browsers run in kiosk mode
 * @param profile profile loaded read-only into every browser, by id or by name
 * @param extensions extensions loaded into every browser, at most 20
 * @param proxyId proxy to route the browsers' traffic through
 * @param viewport initial window size
 * @param startUrl URL every browser opens at start
 * @param chromePolicy Chrome enterprise policy to apply
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BrowserPoolRequest(@Nullable String name, @Nullable Integer size, @Nullable Integer fillRatePerMinute,
		@Nullable Integer timeoutSeconds, @Nullable Boolean headless, @Nullable Boolean stealth,
		@Nullable Boolean kioskMode, @Nullable ProfileSelection profile, @Nullable List<ExtensionSelection> extensions,
		@Nullable String proxyId, @Nullable Viewport viewport, @Nullable String startUrl,
		@Nullable Map<String, Object> chromePolicy) {

	/**
	 * Starts a pool configuration with every component unset.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link BrowserPoolRequest}.
	 */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable Integer size;

		private @Nullable Integer fillRatePerMinute;

		private @Nullable Integer timeoutSeconds;

		private @Nullable Boolean headless;

		private @Nullable Boolean stealth;

		private @Nullable Boolean kioskMode;

		private @Nullable ProfileSelection profile;

		private @Nullable List<ExtensionSelection> extensions;

		private @Nullable String proxyId;

		private @Nullable Viewport viewport;

		private @Nullable String startUrl;

		private @Nullable Map<String, Object> chromePolicy;

		private Builder() {
		}

		/**
		 * Sets the unique name of the pool.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets the number of browsers the pool keeps.
		 * @param size the size
		 * @return this builder
		 */
		public Builder size(@Nullable Integer size) {
			this.size = size;
			return this;
		}

		/**
		 * Sets the percent of the size filled per minute.
		 * @param fillRatePerMinute the fill rate
		 * @return this builder
		 */
		public Builder fillRatePerMinute(@Nullable Integer fillRatePerMinute) {
			this.fillRatePerMinute = fillRatePerMinute;
			return this;
		}

		/**
		 * Sets the idle timeout of an acquired browser.
		 * @param timeoutSeconds the timeout in seconds
		 * @return this builder
		 */
		public Builder timeoutSeconds(@Nullable Integer timeoutSeconds) {
			this.timeoutSeconds = timeoutSeconds;
			return this;
		}

		/**
		 * Sets whether the browsers run headless.
		 * @param headless whether to run headless
		 * @return this builder
		 */
		public Builder headless(@Nullable Boolean headless) {
			this.headless = headless;
			return this;
		}

		/**
		 * Sets whether the browsers run in stealth mode.
		 * @param stealth whether to use stealth mode
		 * @return this builder
		 */
		public Builder stealth(@Nullable Boolean stealth) {
			this.stealth = stealth;
			return this;
		}

		/**
		 * Sets whether the browsers run in kiosk mode.
		 * @param kioskMode whether to use kiosk mode
		 * @return this builder
		 */
		public Builder kioskMode(@Nullable Boolean kioskMode) {
			this.kioskMode = kioskMode;
			return this;
		}

		/**
		 * Sets the profile loaded into every browser.
		 * @param profile the profile, by id or by name
		 * @return this builder
		 */
		public Builder profile(@Nullable ProfileSelection profile) {
			this.profile = profile;
			return this;
		}

		/**
		 * Sets the extensions loaded into every browser.
		 * @param extensions the extensions
		 * @return this builder
		 */
		public Builder extensions(@Nullable List<ExtensionSelection> extensions) {
			this.extensions = (extensions != null) ? List.copyOf(extensions) : null;
			return this;
		}

		/**
		 * Sets the proxy to route traffic through.
		 * @param proxyId the proxy id
		 * @return this builder
		 */
		public Builder proxyId(@Nullable String proxyId) {
			this.proxyId = proxyId;
			return this;
		}

		/**
		 * Sets the initial window size.
		 * @param viewport the viewport
		 * @return this builder
		 */
		public Builder viewport(@Nullable Viewport viewport) {
			this.viewport = viewport;
			return this;
		}

		/**
		 * Sets the URL every browser opens at start.
		 * @param startUrl the URL
		 * @return this builder
		 */
		public Builder startUrl(@Nullable String startUrl) {
			this.startUrl = startUrl;
			return this;
		}

		/**
		 * Sets the Chrome enterprise policy.
		 * @param chromePolicy the policy
		 * @return this builder
		 */
		public Builder chromePolicy(@Nullable Map<String, Object> chromePolicy) {
			this.chromePolicy = (chromePolicy != null) ? Map.copyOf(chromePolicy) : null;
			return this;
		}

		/**
		 * Builds the configuration.
		 * @return the configuration
		 */
		public BrowserPoolRequest build() {
			return new BrowserPoolRequest(this.name, this.size, this.fillRatePerMinute, this.timeoutSeconds,
					this.headless, this.stealth, this.kioskMode, this.profile, this.extensions, this.proxyId,
					this.viewport, this.startUrl, this.chromePolicy);
		}

	}

}
