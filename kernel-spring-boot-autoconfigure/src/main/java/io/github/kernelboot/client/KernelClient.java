package io.github.kernelboot.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reactive client of the Kernel API: {@link #browsers()} and {@link #browserPools()}.
 *
 * <p>Build one with {@link #builder()}; in a Spring Boot application, inject the bean the
 * starter configures from {@code kernel.*} properties. A client is thread-safe and meant to be
 * shared.
 */
public final class KernelClient {

	/** Base URL of the Kernel cloud. */
	public static final String DEFAULT_BASE_URL = "https://api.onkernel.com";

	/** Default time one request may wait for its answer, as the official SDKs use. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

	/** Version of this client, as its User-Agent names it. */
	public static final String VERSION = readVersion();

	private final String baseUrl;

	private final BrowsersApi browsers;

	private final BrowserPoolsApi browserPools;

	private KernelClient(String baseUrl, KernelHttp http) {
		this.baseUrl = baseUrl;
		this.browsers = new BrowsersApi(http);
		this.browserPools = new BrowserPoolsApi(http, this.browsers);
	}

	/**
	 * Starts building a client.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the browser-session calls.
	 * @return the browsers API
	 */
	public BrowsersApi browsers() {
		return this.browsers;
	}

	/**
	 * Returns the browser-pool calls, acquire and release among them.
	 * @return the browser pools API
	 */
	public BrowserPoolsApi browserPools() {
		return this.browserPools;
	}

	/**
	 * Returns the base URL the client talks to.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public String toString() {
		return "KernelClient[baseUrl=" + this.baseUrl + "]";
	}

	private static String readVersion() {
		try (InputStream in = KernelClient.class.getResourceAsStream("kernel-client.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Tells what keeps a URL from being the API's base URL: it must be an absolute http or
	 * https URL, and have no query or fragment, since request paths are appended to it.
	 * @param baseUrl the URL
	 * @return what is wrong, as "must ..." to follow the URL's name, or {@code null} when
	 * it is usable
	 */
	public static @Nullable String baseUrlProblem(String baseUrl) {
		URI uri;
		try {
			uri = new URI(baseUrl);
		}
		catch (URISyntaxException ex) {
			return "must be an absolute http or https URL";
		}
		if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			return "must be an absolute http or https URL";
		}
		return (uri.getRawQuery() != null || uri.getRawFragment() != null) ? "must not have a query or fragment"
				: null;
	}

	/**
	 * Builder of {@link KernelClient}.
	 */
	public static final class Builder {

		private String baseUrl = DEFAULT_BASE_URL;

		private @Nullable String apiKey;

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable ClientHttpConnector pollingConnector;

		private Duration readTimeout = DEFAULT_READ_TIMEOUT;

		private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

		private Builder() {
		}

		/**
		 * Sets the base URL of the API (default {@value KernelClient#DEFAULT_BASE_URL}).
		 * @param baseUrl an absolute http or https URL without a query or fragment
		 * @return this builder
		 * @see KernelClient#baseUrlProblem(String)
		 */
		public Builder baseUrl(String baseUrl) {
			String problem = baseUrlProblem(baseUrl);
			if (problem != null) {
				throw new IllegalArgumentException("baseUrl " + problem + " (was '" + baseUrl + "')");
			}
			// Request paths are appended to it as they are: no trailing slash, ASCII only.
			this.baseUrl = URI.create(baseUrl).toASCIIString().replaceAll("/+$", "");
			return this;
		}

		/**
		 * Sets the API key sent as {@code Authorization: Bearer}.
		 * @param apiKey the key, or {@code null} to send none
		 * @return this builder
		 */
		public Builder apiKey(@Nullable String apiKey) {
			this.apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey : null;
			return this;
		}

		/**
		 * Sets the {@link WebClient.Builder} to start from, such as the one Spring Boot
		 * configures with observations, filters and connector. It is cloned, never changed.
		 * The client reads and writes its JSON bodies itself, whatever codecs it has.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Sets the connector of acquire polls. Give them connections of their own, apart from
		 * other calls: the server holds each poll on its connection for up to its poll time,
		 * and many waiting acquires must never leave a release waiting for a connection. By
		 * default polls share the connector of the {@link #webClientBuilder web client}.
		 * @param pollingConnector the connector
		 * @return this builder
		 */
		public Builder pollingConnector(ClientHttpConnector pollingConnector) {
			this.pollingConnector = pollingConnector;
			return this;
		}

		/**
		 * Sets how long one request may wait for its answer. An acquire poll may wait this
		 * much longer than the time it asks the server to hold it.
		 * @param readTimeout the timeout
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			if (readTimeout.isNegative() || readTimeout.isZero()) {
				throw new IllegalArgumentException("readTimeout must be positive (was " + readTimeout + ")");
			}
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * Sets when and how failed requests are sent again (default {@link RetryPolicy#DEFAULT}).
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public KernelClient build() {
			WebClient.Builder builder = (this.webClientBuilder != null) ? this.webClientBuilder.clone()
					: WebClient.builder();
			// No base URL on the builder: requests name their URI whole (see ApiRequest#uri).
			builder.defaultHeader(HttpHeaders.USER_AGENT, "kernel-spring-boot/" + VERSION)
				.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
			if (this.apiKey != null) {
				builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + this.apiKey);
			}
			WebClient polling = (this.pollingConnector != null)
					? builder.clone().clientConnector(this.pollingConnector).build() : builder.build();
			KernelHttp http = new KernelHttp(this.baseUrl, builder.build(), polling, this.retryPolicy,
					this.readTimeout, this.apiKey);
			return new KernelClient(this.baseUrl, http);
		}

	}

}
