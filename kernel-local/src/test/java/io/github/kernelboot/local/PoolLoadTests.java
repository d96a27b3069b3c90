package io.github.kernelboot.local;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.kernelboot.local.ApiCalls.Answer;
import io.github.kernelboot.local.browser.StubBrowserLauncher;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many clients over HTTP against one small pool of stub browsers, some of them hanging up
 * mid-poll: afterwards every browser is back and no poll is left in the queue.
 */
class PoolLoadTests {

	@Test
	void noBrowserIsLostWhenClientsCompeteAndHangUp() {
		try (KernelLocalServer server = KernelLocalServer.builder().launcher(new StubBrowserLauncher()).timeScale(0.001).build()) {
			server.start();
			ApiCalls api = new ApiCalls(server);
			api.post("/browser_pools", "{\"name\":\"busy\",\"size\":3,\"fill_rate_per_minute\":100}");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> api.get("/browser_pools/busy").json().path("available_count").asInt() == 3);
			Flux<Void> patient = Flux.range(0, 30)
				.flatMap((client) -> Flux.range(0, 10).concatMap((round) -> leaseAndRelease(api)), 30);
			Flux<Void> impatient = Flux.range(0, 40)
				.flatMap((client) -> api.call(HttpMethod.POST, "/browser_pools/busy/acquire", "{\"acquire_timeout_seconds\":30}")
					.timeout(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 50)))
					.flatMap((answer) -> (answer.status() == 200) ? release(api, answer) : Mono.empty())
					.onErrorResume((hungUp) -> Mono.empty()), 40);
			Flux.merge(patient, impatient).then().block(Duration.ofSeconds(120));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Answer pool = api.get("/browser_pools/busy");
				assertThat(pool.json().path("acquired_count").asInt()).isZero();
				assertThat(pool.json().path("available_count").asInt()).isEqualTo(3);
				assertThat(server.running().pools().get("busy").waiting()).isZero();
			});
			assertThat(api.get("/browsers").json()).isEmpty();
		}
	}

	private static Mono<Void> leaseAndRelease(ApiCalls api) {
		return api.call(HttpMethod.POST, "/browser_pools/busy/acquire", "{\"acquire_timeout_seconds\":30}")
			.flatMap((answer) -> {
				assertThat(answer.status()).isEqualTo(200);
				return release(api, answer);
			});
	}

	private static Mono<Void> release(ApiCalls api, Answer acquired) {
		boolean reuse = ThreadLocalRandom.current().nextBoolean();
		return api.call(HttpMethod.POST, "/browser_pools/busy/release",
				"{\"session_id\":\"" + acquired.text("session_id") + "\",\"reuse\":" + reuse + "}")
			.doOnNext((answer) -> assertThat(answer.status()).isEqualTo(204))
			.then();
	}

}
