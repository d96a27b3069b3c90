package io.github.kernelboot.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.model.BrowserPool;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link KernelAutoConfiguration}: properties bind, the client talks to a real HTTP
 * server on loopback, beans back off to the user's, a missing key is explained.
 */
class KernelAutoConfigurationTests {

	private static final String API_KEY = "sk_test_autoconfig_91c2";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				KernelAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void clientTalksToTheConfiguredBaseUrlWithTheConfiguredKey() throws Exception {
		this.server.enqueue(pool());
		this.contextRunner.withPropertyValues("kernel.base-url=" + baseUrl(), "kernel.api-key=" + API_KEY)
			.run((context) -> {
				BrowserPool pool = context.getBean(KernelClient.class).browserPools().retrieve("snapshots").block();
				assertThat(pool.name()).isEqualTo("snapshots");
				RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
				assertThat(request.getHeaders().get("User-Agent")).isEqualTo("kernel-spring-boot/" + KernelClient.VERSION);
			});
	}

	@Test
	void propertiesBindWithTheirDefaults() {
		this.contextRunner.withPropertyValues("kernel.api-key=" + API_KEY).run((context) -> {
			KernelProperties properties = context.getBean(KernelProperties.class);
			assertThat(properties.getBaseUrl()).isEqualTo(KernelClient.DEFAULT_BASE_URL);
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getReadTimeout()).isEqualTo(KernelClient.DEFAULT_READ_TIMEOUT);
			assertThat(properties.getMaxRetries()).isEqualTo(2);
			assertThat(properties.getProvisioning()).isEqualTo(KernelProperties.Provisioning.NONE);
			KernelProperties.Pool pool = properties.getPool("anything");
			assertThat(pool.getAcquireTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(pool.getPollTimeout()).isEqualTo(Duration.ofSeconds(20));
			assertThat(pool.isReleaseReuse()).isTrue();
			assertThat(pool.getLeakDetectionThreshold()).isNull();
		});
	}

	@Test
	void everyPropertyBinds() {
		this.contextRunner
			.withPropertyValues("kernel.api-key=" + API_KEY, "kernel.base-url=https://kernel.example.com",
					"kernel.connect-timeout=2s", "kernel.read-timeout=30s", "kernel.max-retries=4",
					"kernel.default-pool=snapshots", "kernel.provisioning=create-if-missing",
					"kernel.pools.snapshots.acquire-timeout=90s", "kernel.pools.snapshots.poll-timeout=10s",
					"kernel.pools.snapshots.release-reuse=false",
					"kernel.pools.snapshots.leak-detection-threshold=5m", "kernel.pools.snapshots.provision.size=2",
					"kernel.pools.snapshots.provision.fill-rate-per-minute=50",
					"kernel.pools.snapshots.provision.timeout-seconds=300",
					"kernel.pools.snapshots.provision.headless=true", "kernel.pools.snapshots.provision.stealth=true",
					"kernel.pools.snapshots.provision.kiosk-mode=false",
					"kernel.pools.snapshots.provision.proxy-id=px",
					"kernel.pools.snapshots.provision.start-url=https://example.com",
					"kernel.pools.snapshots.provision.viewport.width=1280",
					"kernel.pools.snapshots.provision.viewport.height=800",
					"kernel.pools.snapshots.provision.viewport.refresh-rate=60",
					"kernel.pools.snapshots.provision.profile.name=shopper",
					"kernel.pools.snapshots.provision.extensions[0].id=ext-1")
			.run((context) -> {
				KernelProperties properties = context.getBean(KernelProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getMaxRetries()).isEqualTo(4);
				assertThat(properties.getDefaultPool()).isEqualTo("snapshots");
				assertThat(properties.getProvisioning()).isEqualTo(KernelProperties.Provisioning.CREATE_IF_MISSING);
				KernelProperties.Pool pool = properties.getPool("snapshots");
				assertThat(pool.getAcquireTimeout()).isEqualTo(Duration.ofSeconds(90));
				assertThat(pool.getPollTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(pool.isReleaseReuse()).isFalse();
				assertThat(pool.getLeakDetectionThreshold()).isEqualTo(Duration.ofMinutes(5));
				assertThat(pool.getProvision().toPoolRequest("snapshots")).hasToString(
						"BrowserPoolRequest[name=snapshots, size=2, fillRatePerMinute=50, timeoutSeconds=300, "
								+ "headless=true, stealth=true, kioskMode=false, profile=ProfileSelection[id=null, "
								+ "name=shopper, saveChanges=null], extensions=[ExtensionSelection[id=ext-1, name=null]], "
								+ "proxyId=px, viewport=Viewport[width=1280, height=800, refreshRate=60], "
								+ "startUrl=https://example.com, chromePolicy=null]");
				assertThat(context.getBean(KernelClient.class).getBaseUrl()).isEqualTo("https://kernel.example.com");
			});
	}

	@Test
	void apiKeyAndBaseUrlBindFromTheEnvironmentVariables() throws Exception {
		this.server.enqueue(pool());
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("KERNEL_API_KEY", API_KEY, "KERNEL_BASE_URL", baseUrl()))))
			.run((context) -> {
				assertThat(context.getBean(KernelProperties.class).getApiKey()).isEqualTo(API_KEY);
				context.getBean(KernelClient.class).browserPools().retrieve("snapshots").block();
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
					.isEqualTo("Bearer " + API_KEY);
			});
	}

	@Test
	void globalReadTimeoutOfHttpClientsDoesNotCutLongPolls() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body("""
					{"session_id": "s-1", "cdp_ws_url": "ws://x/cdp?jwt=t", "headless": true, "stealth": false,
					 "timeout_seconds": 60}""")
			.headersDelay(1500, TimeUnit.MILLISECONDS)
			.build());
		this.contextRunner
			.withPropertyValues("kernel.base-url=" + baseUrl(), "kernel.api-key=" + API_KEY,
					"spring.http.clients.read-timeout=500ms")
			.run((context) -> assertThat(context.getBean(KernelClient.class)
				.browserPools()
				.acquire("snapshots")
				.block(Duration.ofSeconds(10))
				.sessionId()).isEqualTo("s-1"));
	}

	@Test
	void backsOffWhenUserDefinesClient() {
		this.contextRunner.withUserConfiguration(UserClientConfiguration.class)
			.run((context) -> assertThat(context.getBean(KernelClient.class))
				.isSameAs(context.getBean(UserClientConfiguration.class).client));
	}

	@Test
	void backsOffWhenUserDefinesConnectionDetails() throws Exception {
		this.server.enqueue(pool());
		this.contextRunner.withBean(KernelConnectionDetails.class, () -> new TestConnectionDetails(baseUrl(), "other"))
			.withPropertyValues("kernel.base-url=https://never.example.com", "kernel.api-key=" + API_KEY)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesKernelConnectionDetails.class);
				context.getBean(KernelClient.class).browserPools().retrieve("snapshots").block();
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
					.isEqualTo("Bearer other");
			});
	}

	@Test
	void customizersAreAppliedInOrder() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("kernel.api-key=" + API_KEY)
			.run((context) -> assertThat(context.getBean(KernelClient.class).getBaseUrl())
				.isEqualTo("http://127.0.0.1:2"));
	}

	@Test
	void remoteBaseUrlWithoutApiKeyFailsAtStartupWithAnAnalysis() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new MissingKernelApiKeyFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.isEqualTo("No Kernel API key is configured, and the Kernel API at https://api.onkernel.com needs one.");
			assertThat(analysis.getAction()).contains("KERNEL_API_KEY")
				.contains("kernel.api-key")
				.contains("kernel-local");
		});
	}

	@Test
	void serverOnThisMachineNeedsNoApiKey() {
		this.contextRunner.withPropertyValues("kernel.base-url=" + baseUrl())
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(KernelClient.class));
	}

	@Test
	void actuatorEndpointsGetTheKernelCredentialsSanitized() {
		this.contextRunner.withPropertyValues("kernel.api-key=" + API_KEY).run((context) -> {
			SanitizingFunction sanitizing = context.getBean("kernelSanitizingFunction", SanitizingFunction.class);
			assertThat(sanitizing.apply(new SanitizableData(null, "kernel.api-key", API_KEY)).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitizing.apply(new SanitizableData(null, "KERNEL_API_KEY", API_KEY)).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitizing.apply(new SanitizableData(null, "apiKey", API_KEY)).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitizing.apply(new SanitizableData(null, "lease", "ws://x/cdp/s?jwt=abc.def")).getValue())
				.isEqualTo("ws://x/cdp/s?jwt=****");
			assertThat(sanitizing.apply(new SanitizableData(null, "kernel.base-url", "https://api.onkernel.com"))
				.getValue()).isEqualTo("https://api.onkernel.com");
		});
	}

	@Test
	void configurationMetadataDescribesTheProperties() throws IOException {
		String metadata = new String(getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")
			.readAllBytes());
		assertThat(metadata).contains("\"kernel.api-key\"", "\"kernel.base-url\"", "\"kernel.read-timeout\"",
				"\"kernel.max-retries\"", "\"kernel.default-pool\"", "\"kernel.pools\"", "\"kernel.provisioning\"",
				"API key of the Kernel account");
	}

	private String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	private static MockResponse pool() {
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body("{\"id\": \"p-1\", \"name\": \"snapshots\", \"acquired_count\": 0, \"available_count\": 1}")
			.build();
	}

	record TestConnectionDetails(String getBaseUrl, @Nullable String getApiKey) implements KernelConnectionDetails {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		final KernelClient client = KernelClient.builder().baseUrl("http://127.0.0.1:1").build();

		@Bean
		KernelClient userClient() {
			return this.client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		KernelClientCustomizer second() {
			return (builder) -> builder.baseUrl("http://127.0.0.1:2");
		}

		@Bean
		@Order(1)
		KernelClientCustomizer first() {
			return (builder) -> builder.baseUrl("http://127.0.0.1:1");
		}

	}

}
