package io.github.kernelboot.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /browsers}: every component is optional.
 *
 * <p>Build one with {@link #builder()}; the client checks it against the documented limits
 * before it sends it.
 *
 * @param invocationId action invocation the browser belongs to
 * @param persistence deprecated persistence settings
 * @param stealth whether to launch in stealth mode
 * @param headless whether to launch headless (the server's default is headful)
 * @param timeoutSeconds seconds without activity before the browser is destroyed, 10 to 259200
 * (default 60)
 * @param profile profile to load, by id or by name
 * @param extensions extensions to load, at most 20
 * @param proxyId proxy to route the browser's traffic through
 * @param viewport initial window size
 * @param kioskMode whether to hide the address bar and tabs in live view
 * @param name name of the session
 * @param startUrl URL to open at start
 * @param tags tags of the session, at most 50
 * @param chromePolicy Chrome enterprise policy to apply
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BrowserRequest(@Nullable String invocationId, @Deprecated @Nullable Persistence persistence,
		@Nullable Boolean stealth, @Nullable Boolean headless, @Nullable Integer timeoutSeconds,
		@Nullable ProfileSelection profile, @Nullable List<ExtensionSelection> extensions, @Nullable String proxyId,
		@Nullable Viewport viewport, @Nullable Boolean kioskMode, @Nullable String name, @Nullable String startUrl,
		@Nullable Map<String, String> tags, @Nullable Map<String, Object> chromePolicy) {

	/**
	 * Starts a request with every component unset, so the server's defaults apply.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link BrowserRequest}.
	 */
	public static final class Builder {

		private @Nullable String invocationId;

		private @Nullable Boolean stealth;

		private @Nullable Boolean headless;

		private @Nullable Integer timeoutSeconds;

		private @Nullable ProfileSelection profile;

		private @Nullable List<ExtensionSelection> extensions;

		private @Nullable String proxyId;

		private @Nullable Viewport viewport;

		private @Nullable Boolean kioskMode;

		private @Nullable String name;

		private @Nullable String startUrl;

		private @Nullable Map<String, String> tags;

		private @Nullable Map<String, Object> chromePolicy;

		private Builder() {
		}

		/**
		 * Sets the action invocation the browser belongs to.
		 * @param invocationId the invocation id
		 * @return this builder
		 */
		public Builder invocationId(String invocationId) {
			this.invocationId = invocationId;
			return this;
		}

		/**
		 * Sets whether to launch in stealth mode.
		 * @param stealth whether to use stealth mode
		 * @return this builder
		 */
		public Builder stealth(boolean stealth) {
			this.stealth = stealth;
			return this;
		}

		/**
		 * Sets whether to launch headless.
		 * @param headless whether to run headless
		 * @return this builder
		 */
		public Builder headless(boolean headless) {
			this.headless = headless;
			return this;
		}

		/**
		 * Sets the idle timeout.
		 * @param timeoutSeconds seconds without activity before the browser is destroyed
		 * @return this builder
		 */
		public Builder timeoutSeconds(int timeoutSeconds) {
			this.timeoutSeconds = timeoutSeconds;
			return this;
		}

		/**
		 * Sets the profile to load.
		 * @param profile the profile, by id or by name
		 * @return this builder
		 */
		public Builder profile(ProfileSelection profile) {
			this.profile = profile;
			return this;
		}

		/**
		 * Sets the extensions to load.
		 * @param extensions the extensions, each by id or by name
		 * @return this builder
		 */
		public Builder extensions(List<ExtensionSelection> extensions) {
			this.extensions = List.copyOf(extensions);
			return this;
		}

		/**
		 * Sets the proxy to route traffic through.
		 * @param proxyId the proxy id
		 * @return this builder
		 */
		public Builder proxyId(String proxyId) {
			this.proxyId = proxyId;
			return this;
		}

		/**
		 * Sets the initial window size.
		 * @param viewport the viewport
		 * @return this builder
		 */
		public Builder viewport(Viewport viewport) {
			this.viewport = viewport;
			return this;
		}

		/**
		 * Sets the initial window size.
		 * @param width window width in pixels
		 * @param height window height in pixels
		 * @return this builder
		 */
		public Builder viewport(int width, int height) {
			return viewport(Viewport.of(width, height));
		}

		/**
		 * Sets whether to launch in kiosk mode.
		 * @param kioskMode whether to use kiosk mode
		 * @return this builder
		 */
		public Builder kioskMode(boolean kioskMode) {
			this.kioskMode = kioskMode;
			return this;
		}

		/**
		 * Sets the name of the session.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets the URL to open at start.
		 * @param startUrl the URL
		 * @return this builder
		 */
		public Builder startUrl(String startUrl) {
			this.startUrl = startUrl;
			return this;
		}

		/**
		 * Sets the tags of the session.
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tags(Map<String, String> tags) {
			this.tags = Map.copyOf(tags);
			return this;
		}

		/**
		 * Sets the Chrome enterprise policy.
		 * @param chromePolicy the policy
		 * @return this builder
		 */
		public Builder chromePolicy(Map<String, Object> chromePolicy) {
			this.chromePolicy = Map.copyOf(chromePolicy);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public BrowserRequest build() {
			return new BrowserRequest(this.invocationId, null, this.stealth, this.headless, this.timeoutSeconds,
					this.profile, this.extensions, this.proxyId, this.viewport, this.kioskMode, this.name,
					this.startUrl, this.tags, this.chromePolicy);
		}

	}

}
