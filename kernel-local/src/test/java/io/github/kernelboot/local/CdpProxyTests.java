package io.github.kernelboot.local;

import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import io.github.kernelboot.local.ApiCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The CDP proxy of {@code cdp_ws_url}, driven by Playwright's {@code connectOverCDP}.
 */
class CdpProxyTests {

	private static final String TITLED_PAGE = "data:text/html,<title>kernel-local</title><p>hello";

	private static KernelLocalServer server;

	private static ApiCalls api;

	private static Playwright playwright;

	@BeforeAll
	static void start() {
		server = KernelLocalServer.builder().timeScale(0.01).idleCheckPeriod(Duration.ofMillis(50)).build();
		server.start();
		api = new ApiCalls(server);
		playwright = PlaywrightSupport.create();
	}

	@AfterAll
	static void stop() {
		playwright.close();
		ChromiumProcesses.stopLeavingNone(server);
	}

	@Test
	void readsThePageTitleOfTheStartUrlThroughTheProxy() {
		Answer created = api.post("/browsers", "{\"timeout_seconds\":259200,\"start_url\":\"" + TITLED_PAGE + "\"}");
		Browser browser = playwright.chromium().connectOverCDP(created.text("cdp_ws_url"));
		try {
			Page page = browser.contexts().get(0).pages().get(0);
			page.waitForLoadState();
			assertThat(page.title()).isEqualTo("kernel-local");
			Page second = browser.contexts().get(0).newPage();
			second.setContent("<title>second</title>");
			assertThat(second.title()).isEqualTo("second");
		}
		finally {
			browser.close();
		}
		api.delete("/browsers/" + created.text("session_id"), null);
	}

	@Test
	void carriesMessagesOfMegabytesBothWays() {
		Answer created = api.post("/browsers", "{\"timeout_seconds\":259200}");
		Browser browser = playwright.chromium().connectOverCDP(created.text("cdp_ws_url"));
		try {
			Page page = browser.contexts().get(0).newPage();
			String large = "x".repeat(5_000_000);
			assertThat(page.evaluate("(text) => text.length", large)).isEqualTo(5_000_000);
			assertThat((String) page.evaluate("() => 'y'.repeat(5000000)")).hasSize(5_000_000);
		}
		finally {
			browser.close();
		}
		api.delete("/browsers/" + created.text("session_id"), null);
	}

	@Test
	void acquireOpensItsStartUrlInTheLeasedBrowser() {
		api.post("/browser_pools", "{\"name\":\"titled\",\"size\":1,\"fill_rate_per_minute\":100,\"timeout_seconds\":259200}");
		Answer acquired = api.post("/browser_pools/titled/acquire",
				"{\"acquire_timeout_seconds\":30,\"start_url\":\"" + TITLED_PAGE + "\"}");
		assertThat(acquired.text("start_url")).isEqualTo(TITLED_PAGE);
		Browser browser = playwright.chromium().connectOverCDP(acquired.text("cdp_ws_url"));
		try {
			assertThat(browser.contexts().get(0).pages().get(0).title()).isEqualTo("kernel-local");
		}
		finally {
			browser.close();
		}
		api.delete("/browser_pools/titled", "{\"force\":true}");
	}

	@Test
	void theTokenOfAReleasedLeaseStopsWorkingAtOnce() {
		api.post("/browser_pools", "{\"name\":\"revoked\",\"size\":1,\"fill_rate_per_minute\":100,\"timeout_seconds\":259200}");
		Answer acquired = api.post("/browser_pools/revoked/acquire", "{\"acquire_timeout_seconds\":30}");
		String cdpWsUrl = acquired.text("cdp_ws_url");
		Browser browser = playwright.chromium().connectOverCDP(cdpWsUrl);
		Page page = browser.contexts().get(0).pages().get(0);
		assertThat(page.evaluate("1 + 1")).isEqualTo(2);
		api.post("/browser_pools/revoked/release", "{\"session_id\":\"" + acquired.text("session_id") + "\"}");
		// Playwright for Java learns of the closed connection only while a call waits.
		await().atMost(Duration.ofSeconds(10)).until(() -> fails(() -> page.evaluate("1 + 1")));
		assertThat(browser.isConnected()).isFalse();
		assertThat(upgradeStatus(cdpWsUrl)).isEqualTo(401);
		assertThatExceptionOfType(PlaywrightException.class)
			.isThrownBy(() -> playwright.chromium().connectOverCDP(cdpWsUrl));
		// The browser itself lives on in the pool, with a new token for the next lease.
		Answer next = api.post("/browser_pools/revoked/acquire", "{\"acquire_timeout_seconds\":30}");
		assertThat(next.text("session_id")).isEqualTo(acquired.text("session_id"));
		Browser again = playwright.chromium().connectOverCDP(next.text("cdp_ws_url"));
		assertThat(again.contexts()).isNotEmpty();
		again.close();
		api.delete("/browser_pools/revoked", "{\"force\":true}");
	}

	@Test
	void refusesMissingWrongAndForeignTokens() {
		Answer first = api.post("/browsers", "{\"timeout_seconds\":259200}");
		Answer second = api.post("/browsers", "{\"timeout_seconds\":259200}");
		String url = first.text("cdp_ws_url");
		String base = url.substring(0, url.indexOf("?"));
		String foreignToken = second.text("cdp_ws_url").substring(second.text("cdp_ws_url").indexOf("?"));
		assertThat(upgradeStatus(base)).isEqualTo(401);
		assertThat(upgradeStatus(base + "?jwt=wrong")).isEqualTo(401);
		assertThat(upgradeStatus(base + foreignToken)).isEqualTo(401);
		assertThat(upgradeStatus(url.replace(first.text("session_id"), "nosuchsession"))).isEqualTo(401);
		api.delete("/browsers/" + first.text("session_id"), null);
		api.delete("/browsers/" + second.text("session_id"), null);
		assertThat(upgradeStatus(url)).isEqualTo(401);
	}

	@Test
	void anOpenCdpConnectionKeepsABrowserPastItsIdleTimeout() {
		Answer created = api.post("/browsers", "{\"timeout_seconds\":100}");
		String id = created.text("session_id");
		Browser browser = playwright.chromium().connectOverCDP(created.text("cdp_ws_url"));
		// 1 s scaled idle timeout, checked every 50 ms: many checks pass while connected.
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/browsers/" + id).status() == 200);
		browser.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/browsers/" + id).status() == 404);
	}

	private static boolean fails(Runnable call) {
		try {
			call.run();
			return false;
		}
		catch (PlaywrightException ex) {
			return true;
		}
	}

	private static int upgradeStatus(String cdpWsUrl) {
		String httpUrl = cdpWsUrl.replaceFirst("^ws", "http");
		return HttpClient.create()
			.headers((headers) -> headers.set("Upgrade", "websocket")
				.set("Connection", "Upgrade")
				.set("Sec-WebSocket-Version", "13")
				.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="))
			.get()
			.uri(httpUrl)
			.responseSingle((response, body) -> body.asString().defaultIfEmpty("").thenReturn(response.status().code()))
			.block(ApiCalls.TIMEOUT);
	}

}
