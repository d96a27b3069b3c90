package io.github.kernelboot.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.kernelboot.local.ApiCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browser sessions over real HTTP with real Chromium: create, retrieve, list, delete and
 * the idle timeout.
 */
class BrowsersTests {

	// timeout_seconds: 10 (the API's minimum) times out after 0.1 s.
	private static final double TIME_SCALE = 0.01;

	private static final String LONG_LIVED = "\"timeout_seconds\":259200";

	private static KernelLocalServer server;

	private static ApiCalls api;

	@BeforeAll
	static void startServer() {
		server = KernelLocalServer.builder().timeScale(TIME_SCALE).idleCheckPeriod(Duration.ofMillis(50)).build();
		server.start();
		api = new ApiCalls(server);
	}

	@AfterAll
	static void stopServer() {
		ChromiumProcesses.stopLeavingNone(server);
	}

	@Test
	void createsRetrievesAndDeletesABrowser() {
		Answer created = api.post("/browsers", "{" + LONG_LIVED + ",\"name\":\"solo\",\"stealth\":true,\"kiosk_mode\":true,"
				+ "\"viewport\":{\"width\":1280,\"height\":800},\"tags\":{\"a\":\"b\"}}");
		assertThat(created.status()).isEqualTo(200);
		String id = created.text("session_id");
		assertThat(created.text("cdp_ws_url")).isEqualTo(server.baseUrl().replace("http://", "ws://") + "/browser/cdp/"
				+ id + "?jwt=" + created.text("cdp_ws_url").substring(created.text("cdp_ws_url").indexOf("jwt=") + 4));
		assertThat(created.json().path("headless").asBoolean()).isFalse();
		assertThat(created.json().path("stealth").asBoolean()).isTrue();
		assertThat(created.json().path("kiosk_mode").asBoolean()).isTrue();
		assertThat(created.json().path("timeout_seconds").asInt()).isEqualTo(259200);
		assertThat(created.text("created_at")).isNotBlank();
		Answer retrieved = api.get("/browsers/" + id);
		assertThat(retrieved.status()).isEqualTo(200);
		assertThat(retrieved.text("name")).isEqualTo("solo");
		assertThat(api.get("/browsers/solo").text("session_id")).isEqualTo(id);
		assertThat(api.delete("/browsers/" + id, null).status()).isEqualTo(204);
		assertThat(api.get("/browsers/" + id).status()).isEqualTo(404);
		assertThat(api.delete("/browsers/" + id, null).status()).isEqualTo(404);
		Answer deleted = api.get("/browsers/" + id + "?include_deleted=true");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.text("deleted_at")).isNotBlank();
		assertThat(ids(api.get("/browsers?status=deleted&limit=100").json())).contains(id);
	}

	@Test
	void createdBrowsersUseTheApiDefaults() {
		Answer created = api.post("/browsers", null);
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.json().path("timeout_seconds").asInt()).isEqualTo(60);
		assertThat(created.json().path("headless").asBoolean()).isFalse();
		assertThat(api.delete("/browsers/" + created.text("session_id"), null).status()).isEqualTo(204);
	}

	@Test
	void listsPageWithHasMoreAndNextOffsetHeaders() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.add(api.post("/browsers", "{" + LONG_LIVED + "}").text("session_id"));
		}
		List<String> seen = new ArrayList<>();
		long offset = 0;
		int pages = 0;
		while (true) {
			Answer page = api.get("/browsers?limit=2&offset=" + offset);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.json().size()).isLessThanOrEqualTo(2);
			seen.addAll(ids(page.json()));
			pages++;
			if (!"true".equals(page.headers().get("X-Has-More"))) {
				assertThat(page.headers().get("X-Next-Offset")).isEqualTo("0");
				break;
			}
			offset = Long.parseLong(page.headers().get("X-Next-Offset"));
			assertThat(offset).isEqualTo(2L * pages);
		}
		assertThat(pages).isGreaterThanOrEqualTo(2);
		assertThat(seen).containsAll(created).doesNotHaveDuplicates();
		Answer beyond = api.get("/browsers?offset=1000");
		assertThat(beyond.json()).isEmpty();
		assertThat(beyond.headers().get("X-Has-More")).isEqualTo("false");
		created.forEach((id) -> assertThat(api.delete("/browsers/" + id, null).status()).isEqualTo(204));
	}

	@Test
	void idleTimeoutDestroysABrowserWithoutCdpConnections() {
		Answer created = api.post("/browsers", "{\"timeout_seconds\":10}");
		String id = created.text("session_id");
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/browsers/" + id).status() == 404);
		assertThat(api.get("/browsers/" + id + "?include_deleted=true").text("deleted_at")).isNotBlank();
	}

	@Test
	void idleTimeoutDestroysAnUnconnectedLeaseAndThePoolRefills() {
		assertThat(api.post("/browser_pools",
				"{\"name\":\"idle\",\"size\":1,\"fill_rate_per_minute\":100,\"timeout_seconds\":10}").status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/browser_pools/idle").json().path("available_count").asInt() == 1);
		String leased = api.post("/browser_pools/idle/acquire", "{\"acquire_timeout_seconds\":10}").text("session_id");
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/browsers/" + leased).status() == 404);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode pool = api.get("/browser_pools/idle").json();
			return pool.path("acquired_count").asInt() == 0 && pool.path("available_count").asInt() == 1;
		});
		// Idle pool browsers are not timed out: the new one stays.
		String replacement = api.post("/browser_pools/idle/acquire", "{\"acquire_timeout_seconds\":10}").text("session_id");
		assertThat(replacement).isNotEqualTo(leased);
		assertThat(api.delete("/browser_pools/idle", "{\"force\":true}").status()).isEqualTo(204);
	}

	private static List<String> ids(JsonNode browsers) {
		List<String> ids = new ArrayList<>();
		browsers.forEach((browser) -> ids.add(browser.path("session_id").asString()));
		return ids;
	}

}
