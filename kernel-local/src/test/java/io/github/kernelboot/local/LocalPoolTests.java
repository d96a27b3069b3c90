package io.github.kernelboot.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.local.browser.StubBrowserLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pool engine on its own, with stub browsers: the races a test over HTTP cannot stage.
 */
class LocalPoolTests {

	private static final AcquireRequest LONG_POLL = new AcquireRequest(60, null, null, null);

	private final Scheduler timer = Schedulers.newSingle("pool-tests");

	private BrowserHost host;

	private SessionRegistry sessions;

	private PoolContext context;

	@BeforeEach
	void createContext(@TempDir Path workDirectory) {
		this.host = new BrowserHost(new StubBrowserLauncher(), workDirectory);
		this.sessions = new SessionRegistry();
		this.context = new PoolContext(this.host, this.sessions, new RandomIds(), this.timer, new TimeScale(0.001));
	}

	@AfterEach
	void dispose() {
		this.host.close(Duration.ofSeconds(5));
		this.timer.dispose();
	}

	@Test
	void aBrowserOfferedToAPollThatLeavesBeforeTakingItGoesBackToThePool() {
		LocalPool pool = filledPool(1);
		// A subscriber without demand: the browser is offered but never taken.
		BaseSubscriber<BrowserSession> vanishing = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
			}

		};
		pool.acquire(LONG_POLL).subscribe(vanishing);
		assertThat(pool.describe().acquiredCount()).isEqualTo(1);
		vanishing.cancel();
		BrowserPool after = pool.describe();
		assertThat(after.acquiredCount()).isZero();
		assertThat(after.availableCount()).isEqualTo(1);
		assertThat(this.sessions.active()).isEmpty();
		assertThat(pool.acquire(LONG_POLL).block(Duration.ofSeconds(5))).isNotNull();
	}

	@Test
	void countsStayExactUnderConcurrentAcquiresAndReleases() {
		LocalPool pool = filledPool(3);
		List<Mono<Void>> clients = new ArrayList<>();
		for (int client = 0; client < 20; client++) {
			clients.add(Flux.range(0, 25)
				.concatMap((round) -> pool.acquire(LONG_POLL)
					.publishOn(Schedulers.parallel())
					.doOnNext((session) -> {
						BrowserPool now = pool.describe();
						assertThat(now.acquiredCount() + now.availableCount()).isLessThanOrEqualTo(3);
						pool.release(session.id(), round % 5 != 0);
					}))
				.then());
		}
		Flux.merge(clients).then().block(Duration.ofSeconds(60));
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.describe().availableCount() == 3);
		assertThat(pool.describe().acquiredCount()).isZero();
		assertThat(pool.waiting()).isZero();
		assertThat(this.sessions.active()).isEmpty();
	}

	@Test
	void aPollTimesOutEmptyAndLeavesTheQueue() {
		LocalPool pool = filledPool(1);
		BrowserSession leased = pool.acquire(LONG_POLL).block(Duration.ofSeconds(5));
		assertThat(pool.acquire(new AcquireRequest(0, null, null, null)).blockOptional(Duration.ofSeconds(5))).isEmpty();
		assertThat(pool.waiting()).isZero();
		pool.release(leased.id(), true);
	}

	@Test
	void shrinkingThePoolDestroysSurplusIdleBrowsersAndReleasedOnes() {
		LocalPool pool = filledPool(3);
		BrowserSession leased = pool.acquire(LONG_POLL).block(Duration.ofSeconds(5));
		pool.update(BrowserPoolRequest.builder().size(1).build(), false);
		assertThat(pool.describe().availableCount()).isZero();
		pool.release(leased.id(), true);
		assertThat(pool.describe().availableCount()).isEqualTo(1);
	}

	private LocalPool filledPool(int size) {
		LocalPool pool = new LocalPool("pool", BrowserPoolRequest.builder().size(size).fillRatePerMinute(100).build(),
				this.context);
		await().atMost(Duration.ofSeconds(10)).until(() -> pool.describe().availableCount() == size);
		return pool;
	}

}
