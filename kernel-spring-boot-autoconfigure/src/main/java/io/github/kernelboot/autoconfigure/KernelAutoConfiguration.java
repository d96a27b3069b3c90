package io.github.kernelboot.autoconfigure;

import java.net.URI;

import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.RetryPolicy;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the {@link KernelClient}: {@code kernel.*} properties, connection
 * details and a client built on Spring Boot's {@link WebClient.Builder}, so that the
 * application's observations, filters and customizers apply (the client maps its JSON bodies
 * itself), and a Reactor Netty connection pool of its own for acquire polls.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(KernelProperties.class)
public final class KernelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(KernelConnectionDetails.class)
	PropertiesKernelConnectionDetails kernelConnectionDetails(KernelProperties properties) {
		return new PropertiesKernelConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	KernelClient kernelClient(KernelConnectionDetails connectionDetails, KernelProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<KernelPollingConnections> pollingConnections,
			ObjectProvider<KernelClientCustomizer> customizers) {
		String baseUrl = connectionDetails.getBaseUrl();
		String apiKey = connectionDetails.getApiKey();
		if ((apiKey == null || apiKey.isBlank()) && !isOnThisMachine(baseUrl)) {
			throw new MissingKernelApiKeyException(baseUrl);
		}
		// The read timeout is the client's own, per request: a connector-wide one would cut
		// every long poll that the server holds longer. Redirects are not followed, so the
		// bearer key never travels to another host.
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withConnectTimeout(properties.getConnectTimeout())
			.withReadTimeout(null)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		ClientHttpConnectorBuilder<?> connectors = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect);
		WebClient.Builder webClient = webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(connectors.build(settings));
		KernelClient.Builder builder = KernelClient.builder()
			.baseUrl(baseUrl)
			.apiKey(apiKey)
			.webClientBuilder(webClient)
			.readTimeout(properties.getReadTimeout())
			.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(properties.getMaxRetries()));
		KernelPollingConnections polling = pollingConnections.getIfAvailable();
		if (polling != null && connectors instanceof ReactorClientHttpConnectorBuilder reactor) {
			builder.pollingConnector(reactor.withHttpClientFactory(polling::httpClient).build(settings));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HttpClient.class)
	static class ReactorNettyPollingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KernelPollingConnections kernelPollingConnections(KernelProperties properties) {
			return new KernelPollingConnections(properties.getMaxPollingConnections());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "kernelSanitizingFunction")
		SanitizingFunction kernelSanitizingFunction() {
			return new KernelSanitizingFunction();
		}

	}

	static boolean isOnThisMachine(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		if (host == null) {
			return false;
		}
		return host.equalsIgnoreCase("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
				|| host.equals("[::1]") || host.equals("::1");
	}

}
