package io.github.kernelboot.client;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.client.model.ExtensionSelection;
import io.github.kernelboot.client.model.ProfileSelection;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link BrowsersApi} against a real HTTP server on loopback: what goes on the wire
 * and how answers are read.
 */
class BrowsersApiTests {

	@RegisterExtension
	final MockKernelApi api = new MockKernelApi();

	@Test
	void createPostsSnakeCaseJsonWithBearerKeyAndUserAgent() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));
		BrowserRequest request = BrowserRequest.builder()
			.headless(true)
			.stealth(true)
			.timeoutSeconds(120)
			.viewport(1280, 800)
			.kioskMode(false)
			.profile(ProfileSelection.byName("shopper").withSaveChanges(true))
			.extensions(List.of(ExtensionSelection.byId("ext-1")))
			.proxyId("proxy-9")
			.name("checkout")
			.startUrl("https://example.com")
			.tags(Map.of("team", "growth"))
			.invocationId("inv-1")
			.chromePolicy(Map.of("BookmarkBarEnabled", false))
			.build();

		Browser browser = this.api.client().browsers().create(request).block();

		assertThat(browser.sessionId()).isEqualTo("s-1");
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/browsers");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockKernelApi.API_KEY);
		assertThat(recorded.getHeaders().get("User-Agent")).startsWith("kernel-spring-boot/").doesNotContain("unknown");
		assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
		JSONAssert.assertEquals("""
				{"invocation_id": "inv-1", "stealth": true, "headless": true, "timeout_seconds": 120,
				 "profile": {"name": "shopper", "save_changes": true}, "extensions": [{"id": "ext-1"}],
				 "proxy_id": "proxy-9", "viewport": {"width": 1280, "height": 800}, "kiosk_mode": false,
				 "name": "checkout", "start_url": "https://example.com", "tags": {"team": "growth"},
				 "chrome_policy": {"BookmarkBarEnabled": false}}
				""", recorded.getBody().utf8(), JSONCompareMode.STRICT);
	}

	@Test
	void createSendsAnEmptyObjectWhenNothingIsSet() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));

		this.api.client().browsers().create(BrowserRequest.builder().build()).block();

		assertThat(this.api.takeRequest().getBody().utf8()).isEqualTo("{}");
	}

	@Test
	void browserIsReadWithEveryDocumentedFieldAndUnknownFieldsIgnored() throws Exception {
		this.api.enqueueJson(200, """
				{"session_id": "s-2", "cdp_ws_url": "wss://x/cdp?jwt=%s", "webdriver_ws_url": "wss://x/wd?jwt=%s",
				 "browser_live_view_url": "https://x/live?jwt=%s", "created_at": "2026-11-22T10:15:30Z",
				 "headless": false, "stealth": true, "timeout_seconds": 300, "base_url": "https://x",
				 "name": "n", "pool": {"id": "p-1", "name": "snapshots"},
				 "profile": {"id": "pr-1", "name": "shopper", "created_at": "2026-01-01T00:00:00Z",
				             "updated_at": "2026-01-02T00:00:00Z", "last_used_at": "2026-01-03T00:00:00Z"},
				 "proxy_id": "px", "start_url": "https://example.com", "tags": {"a": "b"},
				 "viewport": {"width": 1920, "height": 1080, "refresh_rate": 25}, "kiosk_mode": true,
				 "deleted_at": "2026-11-23T00:00:00Z", "usage": {"uptime_ms": 1234},
				 "persistence": {"id": "legacy"},
				 "a_field_from_next_year": {"nested": [1, 2, 3]}, "another": "value"}
				""".formatted(MockKernelApi.JWT, MockKernelApi.JWT, MockKernelApi.JWT));

		Browser browser = this.api.client().browsers().retrieve("s-2").block();

		assertThat(browser.sessionId()).isEqualTo("s-2");
		assertThat(browser.createdAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:15:30Z"));
		assertThat(browser.headless()).isFalse();
		assertThat(browser.stealth()).isTrue();
		assertThat(browser.timeoutSeconds()).isEqualTo(300);
		assertThat(browser.pool().name()).isEqualTo("snapshots");
		assertThat(browser.profile().lastUsedAt()).isEqualTo(OffsetDateTime.parse("2026-01-03T00:00:00Z"));
		assertThat(browser.viewport().refreshRate()).isEqualTo(25);
		assertThat(browser.tags()).containsEntry("a", "b");
		assertThat(browser.usage().uptimeMs()).isEqualTo(1234);
		assertThat(browser.kioskMode()).isTrue();
		assertThat(browser.deletedAt()).isNotNull();
		assertThat(browser.webdriverWsUrl()).contains(MockKernelApi.JWT);
		assertThat(browser.toString()).contains("s-2").doesNotContain(MockKernelApi.JWT).contains("jwt=****");
	}

	@Test
	void retrieveEncodesTheIdAndAsksForDeletedSessionsWhenTold() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.browserJson("a b/c"));

		this.api.client().browsers().retrieve("a b/c", true).block();

		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(recorded.getTarget()).isEqualTo("/browsers/a%20b%2Fc?include_deleted=true");
	}

	@Test
	void baseUrlPathIsKeptAndObservationsGetTheUriTemplate() throws Exception {
		this.api.enqueueJson(200, MockKernelApi.browserJson("s-1"));
		List<ClientRequestObservationContext> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				observed.add((ClientRequestObservationContext) context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

		});
		KernelClient client = KernelClient.builder()
			.baseUrl(this.api.baseUrl() + "/v1//")
			.apiKey(MockKernelApi.API_KEY)
			.webClientBuilder(WebClient.builder().observationRegistry(observations))
			.build();

		client.browsers().retrieve("a b/c", true).block();

		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/v1/browsers/a%20b%2Fc?include_deleted=true");
		await().untilAsserted(() -> assertThat(observed).singleElement()
			.satisfies((context) -> assertThat(
					new DefaultClientRequestObservationConvention().getLowCardinalityKeyValues(context).stream())
				.contains(KeyValue.of("uri", "/v1/browsers/{id_or_name}?include_deleted={include_deleted}"))));
	}

	@Test
	void baseUrlWithAQueryOrFragmentIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KernelClient.builder().baseUrl("https://k.example.com/v1?x=1"))
			.withMessage("baseUrl must not have a query or fragment (was 'https://k.example.com/v1?x=1')");
		assertThatIllegalArgumentException().isThrownBy(() -> KernelClient.builder().baseUrl("https://k.example.com#top"))
			.withMessageContaining("must not have a query or fragment");
	}

	@Test
	void listFollowsPagesUntilXHasMoreIsFalse() throws Exception {
		this.api.enqueue(page(200, "[" + MockKernelApi.browserJson("s-1") + "," + MockKernelApi.browserJson("s-2") + "]",
				true, 2));
		this.api.enqueue(page(200, "[" + MockKernelApi.browserJson("s-3") + "]", false, 0));

		List<String> ids = this.api.client()
			.browsers()
			.list(BrowserListQuery.of(BrowserListQuery.Status.ALL).withPageSize(2))
			.map(Browser::sessionId)
			.collectList()
			.block();

		assertThat(ids).containsExactly("s-1", "s-2", "s-3");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browsers?offset=0&limit=2&status=all");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/browsers?offset=2&limit=2&status=all");
	}

	@Test
	void listFetchesTheNextPageOnlyWhenItsItemsAreWanted() {
		this.api.enqueue(page(200, "[" + MockKernelApi.browserJson("s-1") + "," + MockKernelApi.browserJson("s-2") + "]",
				true, 2));
		this.api.enqueue(page(200, "[" + MockKernelApi.browserJson("s-3") + "]", false, 0));

		List<Browser> firstTwo = this.api.client().browsers().list().take(2).collectList().block();

		assertThat(firstTwo).hasSize(2);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void listRefusesAPageWhoseNextOffsetDoesNotAdvance() {
		this.api.enqueue(page(200, "[" + MockKernelApi.browserJson("s-1") + "]", true, 0));

		StepVerifier.create(this.api.client().browsers().list())
			.expectNextCount(0)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(KernelResponseException.class)
				.hasMessageContaining("X-Next-Offset 0 does not pass offset 0"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void deleteSendsDeleteAndAcceptsNoContent() throws Exception {
		this.api.enqueueStatus(204);

		this.api.client().browsers().delete("s-1").block();

		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("DELETE");
		assertThat(recorded.getTarget()).isEqualTo("/browsers/s-1");
	}

	@Test
	void deleteAcceptsOkWithoutBody() throws Exception {
		this.api.enqueueStatus(200);

		this.api.client().browsers().delete("s-1").block();

		assertThat(this.api.takeRequest().getMethod()).isEqualTo("DELETE");
	}

	private static MockResponse page(int status, String json, boolean hasMore, int nextOffset) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json")
			.setHeader("X-Has-More", String.valueOf(hasMore))
			.setHeader("X-Next-Offset", String.valueOf(nextOffset))
			.body(json)
			.build();
	}

}
