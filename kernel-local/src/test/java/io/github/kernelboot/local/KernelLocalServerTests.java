package io.github.kernelboot.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.kernelboot.local.ApiCalls.Answer;
import io.github.kernelboot.local.browser.StubBrowserLauncher;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Starting and stopping {@link KernelLocalServer}, and its options.
 */
class KernelLocalServerTests {

	@Test
	void stopDestroysEveryChromiumProcessOfTheServer() {
		KernelLocalServer server = KernelLocalServer.builder().timeScale(0.01).build();
		server.start();
		ApiCalls api = new ApiCalls(server);
		api.post("/browser_pools", "{\"name\":\"warm\",\"size\":2,\"fill_rate_per_minute\":100}");
		String leased = api.post("/browser_pools/warm/acquire", "{\"acquire_timeout_seconds\":30}").text("session_id");
		assertThat(leased).isNotBlank();
		assertThat(api.post("/browsers", null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/browser_pools/warm").json().path("available_count").asInt() == 1);
		Path workDirectory = server.workDirectory();
		List<ProcessHandle> processes = ChromiumProcesses.under(workDirectory);
		// Three browsers, each a tree of processes.
		assertThat(processes).hasSizeGreaterThan(3);
		server.stop();
		assertThat(processes).noneMatch(ChromiumProcesses::isRunning);
		assertThat(ChromiumProcesses.under(workDirectory)).isEmpty();
		assertThat(workDirectory).doesNotExist();
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void stopWhileBrowsersAreStillStartingLeavesNoneBehind() {
		KernelLocalServer server = KernelLocalServer.builder().timeScale(0.0001).build();
		server.start();
		new ApiCalls(server).post("/browser_pools", "{\"size\":3,\"fill_rate_per_minute\":100}");
		Path workDirectory = server.workDirectory();
		server.stop();
		assertThat(ChromiumProcesses.under(workDirectory)).isEmpty();
	}

	@Test
	void stopAnswersWaitingAcquiresWith503SoClientsRetry() {
		KernelLocalServer server = KernelLocalServer.builder().launcher(new StubBrowserLauncher()).timeScale(0.001).build();
		server.start();
		ApiCalls api = new ApiCalls(server);
		api.post("/browser_pools", "{\"name\":\"busy\",\"size\":1,\"fill_rate_per_minute\":100}");
		assertThat(api.post("/browser_pools/busy/acquire", "{\"acquire_timeout_seconds\":30}").status()).isEqualTo(200);
		CompletableFuture<Answer> waiter = api
			.call(HttpMethod.POST, "/browser_pools/busy/acquire", "{\"acquire_timeout_seconds\":60}")
			.toFuture();
		await().atMost(Duration.ofSeconds(10)).until(() -> server.waitingAcquires("busy") == 1);
		server.stop();
		Answer answer = waiter.join();
		// Not 404: the pool was not deleted by anyone, and a client retries a 503.
		assertThat(answer.status()).as(answer.body()).isEqualTo(503);
		assertThat(answer.text("code")).isEqualTo("unavailable");
	}

	@Test
	void startsAgainAfterStopWithTheSameApiKey() {
		KernelLocalServer server = KernelLocalServer.builder().launcher(new StubBrowserLauncher()).build();
		assertThatIllegalStateException().isThrownBy(server::baseUrl);
		server.start();
		server.start();
		String apiKey = server.apiKey();
		assertThat(new ApiCalls(server).get("/browser_pools").status()).isEqualTo(200);
		server.stop();
		server.stop();
		assertThatIllegalStateException().isThrownBy(server::baseUrl);
		try (server) {
			server.start();
			assertThat(server.apiKey()).isEqualTo(apiKey);
			assertThat(new ApiCalls(server).get("/browser_pools").status()).isEqualTo(200);
		}
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void makesUpARandomApiKeyUnlessGivenOne() {
		KernelLocalServer first = KernelLocalServer.builder().build();
		KernelLocalServer second = KernelLocalServer.builder().build();
		assertThat(first.apiKey()).isNotBlank().hasSizeGreaterThan(40).isNotEqualTo(second.apiKey());
		assertThat(KernelLocalServer.builder().apiKey("mine").build().apiKey()).isEqualTo("mine");
	}

	@Test
	void bindsLoopbackOnTheGivenPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (KernelLocalServer server = KernelLocalServer.builder().port(port).launcher(new StubBrowserLauncher()).build()) {
			server.start();
			// The socket's own address: baseUrl() names 127.0.0.1 for a wildcard bind too.
			InetSocketAddress bound = server.running().address();
			assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
			assertThat(bound.getPort()).isEqualTo(port);
			assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
			assertThat(server.port()).isEqualTo(port);
		}
	}

	@Test
	void keepsAWorkDirectoryItWasGiven(@TempDir Path directory) {
		try (KernelLocalServer server = KernelLocalServer.builder().workDirectory(directory).build()) {
			server.start();
			assertThat(new ApiCalls(server).post("/browsers", null).status()).isEqualTo(200);
			try (var browsers = Files.list(directory)) {
				assertThat(browsers).hasSize(1);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		assertThat(directory).isEmptyDirectory();
	}

	@Test
	void aBrowserThatCannotStartIsAnInternalErrorThatSaysWhy() {
		try (KernelLocalServer server = KernelLocalServer.builder().chromiumPath(Path.of("/nonexistent/chromium")).build()) {
			server.start();
			Answer answer = new ApiCalls(server).post("/browsers", null);
			assertThat(answer.status()).isEqualTo(500);
			assertThat(answer.text("code")).isEqualTo("internal_error");
			assertThat(answer.text("message")).contains("/nonexistent/chromium");
		}
	}

	@Test
	void theStubLauncherServesTheApiWithoutProcesses() {
		try (KernelLocalServer server = KernelLocalServer.builder().launcher(new StubBrowserLauncher()).timeScale(0.001).build()) {
			server.start();
			ApiCalls api = new ApiCalls(server);
			api.post("/browser_pools", "{\"name\":\"stub\",\"size\":50,\"fill_rate_per_minute\":100}");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> api.get("/browser_pools/stub").json().path("available_count").asInt() == 50);
			assertThat(api.post("/browser_pools/stub/acquire", "{}").status()).isEqualTo(200);
			assertThat(ChromiumProcesses.under(server.workDirectory())).isEmpty();
		}
	}

}
