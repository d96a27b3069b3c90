package io.github.kernelboot.local;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.github.kernelboot.client.AcquireOptions;
import io.github.kernelboot.client.AcquireOutcome;
import io.github.kernelboot.client.AcquireTimeoutException;
import io.github.kernelboot.client.AuthenticationException;
import io.github.kernelboot.client.BrowserListQuery;
import io.github.kernelboot.client.ConflictException;
import io.github.kernelboot.client.KernelClient;
import io.github.kernelboot.client.NotFoundException;
import io.github.kernelboot.client.RetryPolicy;
import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.Browser;
import io.github.kernelboot.client.model.BrowserPool;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.client.model.ReleaseRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The starter's {@link KernelClient} against kernel-local: what a user of the starter does.
 */
class KernelClientIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static KernelLocalServer server;

	private static KernelClient client;

	private static Playwright playwright;

	@BeforeAll
	static void start() {
		server = KernelLocalServer.builder().timeScale(0.01).build();
		server.start();
		client = KernelClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build();
		playwright = PlaywrightSupport.create();
	}

	@AfterAll
	static void stop() {
		playwright.close();
		ChromiumProcesses.stopLeavingNone(server);
	}

	@Test
	void acquiresConnectsAndReleasesABrowser() {
		createPool("checkout", 1);
		Browser browser = client.browserPools()
			.acquire("checkout", AcquireOptions.defaults().withAcquireTimeout(TIMEOUT).withPollTimeout(Duration.ofSeconds(5)))
			.block(TIMEOUT);
		assertThat(browser.pool().name()).isEqualTo("checkout");
		assertThat(browser.toString()).doesNotContain(browser.cdpWsUrl().substring(browser.cdpWsUrl().indexOf("jwt=") + 4));
		com.microsoft.playwright.Browser cdp = playwright.chromium().connectOverCDP(browser.cdpWsUrl());
		try {
			Page page = cdp.contexts().get(0).newPage();
			page.setContent("<title>Checkout</title>");
			assertThat(page.title()).isEqualTo("Checkout");
		}
		finally {
			cdp.close();
		}
		client.browserPools().release("checkout", browser.sessionId()).block(TIMEOUT);
		BrowserPool pool = client.browserPools().retrieve("checkout").block(TIMEOUT);
		assertThat(pool.acquiredCount()).isZero();
		assertThat(pool.availableCount()).isEqualTo(1);
		client.browserPools().delete("checkout").block(TIMEOUT);
	}

	@Test
	void tryAcquireTellsABrowserFromNoBrowserYet() {
		createPool("scarce", 1);
		AcquireRequest onePoll = new AcquireRequest(1, null, null, null);
		AcquireOutcome first = client.browserPools().tryAcquire("scarce", onePoll).block(TIMEOUT);
		assertThat(first).isInstanceOf(AcquireOutcome.Acquired.class);
		assertThat(client.browserPools().tryAcquire("scarce", onePoll).block(TIMEOUT))
			.isInstanceOf(AcquireOutcome.NoBrowserYet.class);
		assertThatExceptionOfType(AcquireTimeoutException.class).isThrownBy(() -> client.browserPools()
			.acquire("scarce", AcquireOptions.defaults().withAcquireTimeout(Duration.ofSeconds(2))
				.withPollTimeout(Duration.ofSeconds(1)))
			.block(TIMEOUT));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> client.browserPools().delete("scarce").block(TIMEOUT));
		Browser leased = ((AcquireOutcome.Acquired) first).browser();
		client.browserPools().release("scarce", new ReleaseRequest(leased.sessionId(), false)).block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> client.browserPools().retrieve("scarce").block(TIMEOUT).availableCount() == 1);
		client.browserPools().delete("scarce", true).block(TIMEOUT);
	}

	@Test
	void createsListsAndDeletesBrowsers() {
		Browser first = client.browsers().create(BrowserRequest.builder().timeoutSeconds(259200).name("one").build())
			.block(TIMEOUT);
		Browser second = client.browsers().create(BrowserRequest.builder().timeoutSeconds(259200).name("two").build())
			.block(TIMEOUT);
		List<Browser> listed = client.browsers().list(BrowserListQuery.active().withPageSize(1)).collectList().block(TIMEOUT);
		assertThat(listed).extracting(Browser::sessionId).contains(first.sessionId(), second.sessionId());
		assertThat(client.browsers().retrieve("two").block(TIMEOUT).sessionId()).isEqualTo(second.sessionId());
		client.browsers().delete(first.sessionId()).block(TIMEOUT);
		client.browsers().delete(second.sessionId()).block(TIMEOUT);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> client.browsers().retrieve(first.sessionId()).block(TIMEOUT));
		assertThat(client.browsers().retrieve(first.sessionId(), true).block(TIMEOUT).deletedAt()).isNotNull();
	}

	@Test
	void aWrongApiKeyIsAnAuthenticationError() {
		KernelClient stranger = KernelClient.builder()
			.baseUrl(server.baseUrl())
			.apiKey("not-the-key")
			.retryPolicy(RetryPolicy.DEFAULT)
			.build();
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> stranger.browserPools().list().collectList().block(TIMEOUT))
			.withMessageNotContaining("not-the-key");
	}

	private static void createPool(String name, int size) {
		client.browserPools()
			.create(BrowserPoolRequest.builder().name(name).size(size).fillRatePerMinute(100).timeoutSeconds(259200).build())
			.block(TIMEOUT);
		await().atMost(TIMEOUT).until(() -> client.browserPools().retrieve(name).block(TIMEOUT).availableCount() == size);
	}

}
