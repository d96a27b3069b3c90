package io.github.kernelboot.sample;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.github.kernelboot.lease.LeaseRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the sample application on real Chromium: kernel-local runs as a
 * Testcontainers {@code @Container} (no Docker involved) and the application is pointed at it
 * with {@code @DynamicPropertySource}, the way users test their own applications.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// A pool of 3: the startup snapshot holds one browser for the app's life, two serve requests.
		properties = { "kernel.pools.snapshots.provision.size=3", "kernel.pools.snapshots.poll-timeout=1s",
				"sample.node-path=/usr/bin/node" })
@AutoConfigureWebTestClient(timeout = "60s")
class SampleApplicationTests extends KernelLocalTestSupport {

	static SlowPage slowPage;

	@BeforeAll
	static void startSlowPage() throws IOException {
		slowPage = new SlowPage(Duration.ofMillis(1200));
	}

	@AfterAll
	static void stopSlowPage() {
		slowPage.close();
	}

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meters;

	@Autowired
	LeaseRegistry leases;

	@LocalServerPort
	int port;

	@Test
	void startupSnapshotOfTheDemoPageIsWrittenWithTheLeaseStillHeld() throws IOException {
		Path file = snapshots.resolve("startup.png");
		assertThat(file).exists();
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image.getWidth()).isEqualTo(1280);
		assertThat(image.getHeight()).isEqualTo(800);
		assertThat(this.leases.activeLeases()).anySatisfy((lease) -> assertThat(lease.pool()).isEqualTo("snapshots"));
	}

	@Test
	void snapshotIsAPngOfTheViewportSize() throws IOException {
		byte[] png = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build()
			.get()
			.uri("/snapshot?url={url}", demoPage())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(1280);
		assertThat(image.getHeight()).isEqualTo(800);
	}

	@Test
	void titleIsTheDemoPagesTitle() {
		this.client.get()
			.uri("/title?url={url}", demoPage())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Kernel sample demo page")
			.jsonPath("$.url")
			.isEqualTo(demoPage());
	}

	@Test
	void eightParallelSnapshotsOnTwoFreeBrowsersAllSucceedAndTheWaitsAreCounted() {
		double noContentBefore = noContentRetries();

		WebClient web = WebClient.create("http://127.0.0.1:" + this.port);
		List<Integer> statuses = Flux.range(0, 8)
			.flatMap((i) -> web.get()
				.uri("/snapshot?url={url}", slowPage.url() + "?request=" + i)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())), 8)
			.collectList()
			.block(Duration.ofSeconds(120));

		assertThat(statuses).hasSize(8).containsOnly(200);
		assertThat(noContentRetries()).isGreaterThan(noContentBefore);
		assertThat(this.meters.get("kernel.browser.acquire").tag("pool", "snapshots").tag("outcome", "acquired").timer().count())
			.isGreaterThanOrEqualTo(9);
		assertThat(this.leases.activeLeases()).hasSize(1);
	}

	@Test
	void badUrlsAreAnswered400WithAMessage() {
		this.client.get()
			.uri("/snapshot?url={url}", "ftp://example.com/file")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("url must be an http or https URL (was 'ftp:')");
		this.client.get()
			.uri("/title?url={url}", "not a url")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).startsWith("url "));
		this.client.get().uri("/title").exchange().expectStatus().isBadRequest();
	}

	@Test
	void pageThatCannotBeLoadedIsAnswered502AndItsBrowserGoesBack() {
		this.client.get()
			.uri("/title?url={url}", "http://127.0.0.1:1/")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).startsWith("The page could not be loaded: "));
		assertThat(this.leases.activeLeases()).hasSize(1);
	}

	@Test
	void prometheusListsTheAcquireSeriesOfThePool() {
		this.client.get().uri("/title?url={url}", demoPage()).exchange().expectStatus().isOk();

		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(scrape).containsPattern("kernel_browser_acquire_seconds_count\\{[^}]*outcome=\"acquired\"[^}]*pool=\"snapshots\"")
			.contains("kernel_browser_leases_active{pool=\"snapshots\"")
			.contains("kernel_browser_lease_duration_seconds");
	}

	@Test
	void healthShowsThePool() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.kernel.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kernel.details.pools.snapshots.available")
			.isNumber();
	}

	@Test
	void webPageShowsTheScreenshotOfAnEnteredUrl() {
		try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node")));
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
						.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
								"--disable-component-update", "--disable-sync", "--no-first-run")))) {
			Page page = browser.newPage();
			page.navigate("http://127.0.0.1:" + this.port + "/");
			page.waitForFunction("document.getElementById('pool').textContent === 'snapshots'");

			page.fill("#url", demoPage());
			page.click("#go");

			page.waitForSelector("#shot", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE)
				.setTimeout(60_000));
			page.waitForFunction("document.getElementById('shot').naturalWidth > 0");
			assertThat(page.evaluate("document.getElementById('shot').naturalWidth")).isEqualTo(1280);
			assertThat(page.textContent("#error")).isEmpty();
		}
	}

	private String demoPage() {
		return "http://127.0.0.1:" + this.port + "/demo.html";
	}

	private double noContentRetries() {
		var counter = this.meters.find("kernel.browser.acquire.retries")
			.tag("pool", "snapshots")
			.tag("reason", "no_content")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
