package io.github.kernelboot.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.kernelboot.local.ApiCalls.Answer;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browser pools over real HTTP with real Chromium: fill, acquire, long polls, release,
 * flush, update and delete.
 */
class BrowserPoolsTests {

	// Pools of 100% a minute fill one browser every 30 s / size; scaled, in a few 100 ms.
	private static final double TIME_SCALE = 0.01;

	private static final AtomicInteger poolNumber = new AtomicInteger();

	private static KernelLocalServer server;

	private static ApiCalls api;

	@BeforeAll
	static void startServer() {
		server = KernelLocalServer.builder().timeScale(TIME_SCALE).build();
		server.start();
		api = new ApiCalls(server);
	}

	@AfterAll
	static void stopServer() {
		ChromiumProcesses.stopLeavingNone(server);
	}

	@Test
	void createsAPoolWithTheApiDefaultsAndFillsIt() {
		String name = "pool-" + poolNumber.incrementAndGet();
		Answer created = api.post("/browser_pools", "{\"name\":\"" + name + "\",\"size\":2}");
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.text("id")).hasSize(24);
		assertThat(created.json().path("browser_pool_config").path("fill_rate_per_minute").asInt()).isEqualTo(25);
		assertThat(created.json().path("browser_pool_config").path("timeout_seconds").asInt()).isEqualTo(600);
		awaitCounts(name, 0, 2);
		Answer byId = api.get("/browser_pools/" + created.text("id"));
		assertThat(byId.text("name")).isEqualTo(name);
		deletePool(name);
	}

	@Test
	void acquireAnswersAtOnceFromAnIdleBrowserAndAppliesNameAndTags() {
		String name = filledPool(1);
		Answer acquired = api.post("/browser_pools/" + name + "/acquire",
				"{\"acquire_timeout_seconds\":5,\"name\":\"checkout\",\"tags\":{\"team\":\"web\"}}");
		assertThat(acquired.status()).isEqualTo(200);
		assertThat(acquired.text("session_id")).hasSize(24);
		assertThat(acquired.text("cdp_ws_url")).startsWith("ws://").contains("/browser/cdp/").contains("?jwt=");
		assertThat(acquired.text("name")).isEqualTo("checkout");
		assertThat(acquired.json().path("tags").path("team").asString()).isEqualTo("web");
		assertThat(acquired.json().path("pool").path("name").asString()).isEqualTo(name);
		assertThat(acquired.json().path("timeout_seconds").asInt()).isEqualTo(259200);
		assertCounts(name, 1, 0);
		assertThat(api.get("/browsers/checkout").text("session_id")).isEqualTo(acquired.text("session_id"));
		release(name, acquired.text("session_id"), true);
		assertCounts(name, 0, 1);
		deletePool(name);
	}

	@Test
	void acquireOnAnExhaustedPoolAnswers204WhenThePollTimePasses() {
		String name = filledPool(1);
		String leased = acquire(name).text("session_id");
		long started = System.nanoTime();
		Answer poll = api.post("/browser_pools/" + name + "/acquire", "{\"acquire_timeout_seconds\":1}");
		assertThat(poll.status()).isEqualTo(204);
		assertThat(poll.body()).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		// Without a poll time the server holds the poll for the time to fill the pool:
		// 100% a minute, scaled, is 0.6 s.
		started = System.nanoTime();
		assertThat(api.post("/browser_pools/" + name + "/acquire", "{}").status()).isEqualTo(204);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
		assertCounts(name, 1, 0);
		release(name, leased, true);
		deletePool(name);
	}

	@Test
	void waitingAcquiresAreServedInArrivalOrderAsLeasesAreReleased() {
		String name = filledPool(1);
		String first = acquire(name).text("session_id");
		List<CompletableFuture<Answer>> waiters = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			waiters.add(api.call(HttpMethod.POST, "/browser_pools/" + name + "/acquire",
					"{\"acquire_timeout_seconds\":60,\"name\":\"waiter-" + i + "\"}").toFuture());
			int parked = i;
			await().atMost(Duration.ofSeconds(10)).until(() -> pool(name).waiting() == parked);
		}
		assertThat(api.call(HttpMethod.GET, "/browser_pools/" + name, null).block(ApiCalls.TIMEOUT).headers()
			.get(BrowserPoolsRoutes.WAITING_HEADER)).isEqualTo("3");
		String previous = first;
		for (int i = 1; i <= 3; i++) {
			release(name, previous, true);
			Answer served = waiters.get(i - 1).join();
			assertThat(served.status()).isEqualTo(200);
			assertThat(served.text("name")).isEqualTo("waiter-" + i);
			assertThat(served.text("session_id")).isEqualTo(first);
			assertThat(waiters.subList(i, 3)).allMatch((waiter) -> !waiter.isDone());
			previous = served.text("session_id");
		}
		release(name, previous, true);
		assertCounts(name, 0, 1);
		deletePool(name);
	}

	@Test
	void aWaiterThatDisconnectsLeavesTheQueueAndNoBrowserIsLost() {
		String name = filledPool(1);
		String leased = acquire(name).text("session_id");
		Disposable waiter = api.call(HttpMethod.POST, "/browser_pools/" + name + "/acquire", "{\"acquire_timeout_seconds\":60}")
			.subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> pool(name).waiting() == 1);
		waiter.dispose();
		await().atMost(Duration.ofSeconds(10)).until(() -> pool(name).waiting() == 0);
		release(name, leased, true);
		assertCounts(name, 0, 1);
		assertThat(acquire(name).text("session_id")).isEqualTo(leased);
		deletePool(name, true);
	}

	@Test
	void releaseWithReuseKeepsTheBrowserAndRevokesTheToken() {
		String name = filledPool(1);
		Answer first = acquire(name);
		release(name, first.text("session_id"), true);
		Answer second = acquire(name);
		assertThat(second.text("session_id")).isEqualTo(first.text("session_id"));
		assertThat(second.text("cdp_ws_url")).isNotEqualTo(first.text("cdp_ws_url"));
		release(name, second.text("session_id"), null);
		assertCounts(name, 0, 1);
		deletePool(name);
	}

	@Test
	void releaseWithoutReuseDestroysTheBrowserAndThePoolRefills() {
		String name = filledPool(1);
		String first = acquire(name).text("session_id");
		release(name, first, false);
		awaitCounts(name, 0, 1);
		assertThat(acquire(name).text("session_id")).isNotEqualTo(first);
		Answer deleted = api.get("/browsers/" + first + "?include_deleted=true");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.text("deleted_at")).isNotBlank();
		assertThat(api.get("/browsers/" + first).status()).isEqualTo(404);
		deletePool(name, true);
	}

	@Test
	void releaseOfABrowserThatIsNotLeasedIsNotFound() {
		String name = filledPool(1);
		String session = acquire(name).text("session_id");
		release(name, session, true);
		Answer again = api.post("/browser_pools/" + name + "/release", "{\"session_id\":\"" + session + "\"}");
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.text("code")).isEqualTo("not_found");
		deletePool(name);
	}

	@Test
	void flushDestroysIdleBrowsersOnlyAndThePoolRefills() {
		String name = filledPool(2);
		String leased = acquire(name).text("session_id");
		String idle = acquire(name).text("session_id");
		release(name, idle, true);
		assertCounts(name, 1, 1);
		assertThat(api.post("/browser_pools/" + name + "/flush", null).status()).isEqualTo(204);
		assertCounts(name, 1, 0);
		awaitCounts(name, 1, 1);
		String refilled = acquire(name).text("session_id");
		assertThat(refilled).isNotEqualTo(idle);
		release(name, leased, true);
		release(name, refilled, true);
		deletePool(name);
	}

	@Test
	void updateChangesTheConfigurationAndDiscardsIdleBrowsersWhenAsked() {
		String name = filledPool(1);
		String before = acquire(name).text("session_id");
		release(name, before, true);
		Answer updated = api.patch("/browser_pools/" + name,
				"{\"size\":2,\"stealth\":true,\"viewport\":{\"width\":1024,\"height\":768},\"discard_all_idle\":true}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("browser_pool_config").path("size").asInt()).isEqualTo(2);
		assertThat(updated.json().path("browser_pool_config").path("stealth").asBoolean()).isTrue();
		assertThat(updated.json().path("browser_pool_config").path("fill_rate_per_minute").asInt()).isEqualTo(100);
		awaitCounts(name, 0, 2);
		Answer after = acquire(name);
		assertThat(after.text("session_id")).isNotEqualTo(before);
		assertThat(after.json().path("stealth").asBoolean()).isTrue();
		assertThat(after.json().path("viewport").path("width").asInt()).isEqualTo(1024);
		release(name, after.text("session_id"), true);
		deletePool(name);
	}

	@Test
	void deleteIsRefusedWhileBrowsersAreLeasedUnlessForced() {
		String name = filledPool(1);
		String leased = acquire(name).text("session_id");
		Answer refused = api.delete("/browser_pools/" + name, "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("conflict");
		assertThat(api.get("/browser_pools/" + name).status()).isEqualTo(200);
		assertThat(api.delete("/browser_pools/" + name, "{\"force\":true}").status()).isEqualTo(204);
		assertThat(api.get("/browser_pools/" + name).status()).isEqualTo(404);
		assertThat(api.get("/browsers/" + leased).status()).isEqualTo(404);
		assertThat(api.get("/browsers/" + leased + "?include_deleted=true").text("deleted_at")).isNotBlank();
	}

	@Test
	void deletingAPoolAnswersItsWaitingPollsWith404() {
		String name = filledPool(1);
		acquire(name);
		CompletableFuture<Answer> waiter = api
			.call(HttpMethod.POST, "/browser_pools/" + name + "/acquire", "{\"acquire_timeout_seconds\":60}")
			.toFuture();
		await().atMost(Duration.ofSeconds(10)).until(() -> pool(name).waiting() == 1);
		deletePool(name, true);
		Answer answer = waiter.join();
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.text("code")).isEqualTo("not_found");
	}

	@Test
	void poolNamesAreUniqueAndListsFilterByNameAndSubstring() {
		String name = "listed-" + poolNumber.incrementAndGet();
		assertThat(api.post("/browser_pools", "{\"name\":\"" + name + "\",\"size\":1}").status()).isEqualTo(200);
		assertThat(api.post("/browser_pools", "{\"name\":\"" + name + "\",\"size\":1}").status()).isEqualTo(409);
		String other = "other-" + poolNumber.incrementAndGet();
		assertThat(api.post("/browser_pools", "{\"name\":\"" + other + "\",\"size\":1}").status()).isEqualTo(200);
		assertThat(api.patch("/browser_pools/" + other, "{\"name\":\"" + name + "\"}").status()).isEqualTo(409);
		assertThat(api.patch("/browser_pools/" + other, "{\"name\":\"" + other + "-renamed\"}").status()).isEqualTo(200);
		assertThat(api.get("/browser_pools/" + other + "-renamed").status()).isEqualTo(200);
		deletePool(other + "-renamed");
		Answer exact = api.get("/browser_pools?name=" + name);
		assertThat(exact.json()).hasSize(1);
		Answer substring = api.get("/browser_pools?query=listed-");
		assertThat(substring.json().size()).isGreaterThanOrEqualTo(1);
		assertThat(substring.headers().get("X-Has-More")).isEqualTo("false");
		deletePool(name);
	}

	// Helpers

	private static String filledPool(int size) {
		String name = "pool-" + poolNumber.incrementAndGet();
		Answer created = api.post("/browser_pools", "{\"name\":\"" + name + "\",\"size\":" + size
				+ ",\"fill_rate_per_minute\":100,\"timeout_seconds\":259200}");
		assertThat(created.status()).isEqualTo(200);
		awaitCounts(name, 0, size);
		return name;
	}

	private static Answer acquire(String name) {
		Answer acquired = api.post("/browser_pools/" + name + "/acquire", "{\"acquire_timeout_seconds\":20}");
		assertThat(acquired.status()).isEqualTo(200);
		return acquired;
	}

	private static void release(String name, String sessionId, Boolean reuse) {
		String body = "{\"session_id\":\"" + sessionId + "\"" + ((reuse != null) ? ",\"reuse\":" + reuse : "") + "}";
		assertThat(api.post("/browser_pools/" + name + "/release", body).status()).isEqualTo(204);
	}

	private static void deletePool(String name) {
		deletePool(name, false);
	}

	private static void deletePool(String name, boolean force) {
		assertThat(api.delete("/browser_pools/" + name, "{\"force\":" + force + "}").status()).isEqualTo(204);
	}

	private static void awaitCounts(String name, int acquired, int available) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertCounts(name, acquired, available));
	}

	private static void assertCounts(String name, int acquired, int available) {
		Answer pool = api.get("/browser_pools/" + name);
		assertThat(pool.json().path("acquired_count").asInt()).as("acquired_count").isEqualTo(acquired);
		assertThat(pool.json().path("available_count").asInt()).as("available_count").isEqualTo(available);
	}

	private static LocalPool pool(String name) {
		return server.running().pools().get(name);
	}

}
