package io.github.kernelboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.kernelboot.local.ApiCalls.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone server in a JVM of its own, as {@code java -jar kernel-local.jar} runs it:
 * the line it prints, and SIGTERM leaving no Chromium behind.
 */
class KernelLocalApplicationTests {

	private static final Pattern LISTENING = Pattern.compile("kernel-local listening on (http://\\S+)(?: with API key (\\S+))?");

	@Test
	void printsItsBaseUrlAndStopsCleanlyOnSigterm(@TempDir Path temporary) throws Exception {
		Process process = start(temporary, "--port=0", "--api-key=app-key");
		try {
			Matcher line = awaitListening(temporary);
			assertThat(line.group(2)).isNull();
			ApiCalls api = new ApiCalls(line.group(1), "app-key");
			assertThat(api.post("/browser_pools", "{\"name\":\"app\",\"size\":1,\"fill_rate_per_minute\":100}").status())
				.isEqualTo(200);
			Answer browser = api.post("/browsers", null);
			assertThat(browser.status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/browser_pools/app").json().path("available_count").asInt() == 1);
			List<ProcessHandle> chromium = ChromiumProcesses.under(temporary);
			assertThat(chromium).isNotEmpty();
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(chromium).noneMatch(ChromiumProcesses::isRunning);
			assertThat(ChromiumProcesses.under(temporary)).isEmpty();
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Test
	void printsTheApiKeyItMadeUp(@TempDir Path temporary) throws Exception {
		Process process = start(temporary);
		try {
			Matcher line = awaitListening(temporary);
			assertThat(line.group(2)).isNotBlank();
			assertThat(new ApiCalls(line.group(1), line.group(2)).get("/browsers").status()).isEqualTo(200);
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
	}

	@Test
	void refusesUnknownOptions(@TempDir Path temporary) throws Exception {
		Process process = start(temporary, "--colour=blue");
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
		assertThat(Files.readString(temporary.resolve("err.txt")))
			.contains("Unknown option '--colour'")
			.contains("Usage:");
	}

	@Test
	void refusesAnUnknownLauncher(@TempDir Path temporary) throws Exception {
		Process process = start(temporary, "--launcher=firefox");
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
		assertThat(Files.readString(temporary.resolve("err.txt")))
			.contains("--launcher must be chromium or stub (was 'firefox')");
	}

	private static Process start(Path temporary, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.io.tmpdir=" + temporary, "-cp", System.getProperty("java.class.path"),
				KernelLocalApplication.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectOutput(temporary.resolve("out.txt").toFile())
			.redirectError(temporary.resolve("err.txt").toFile())
			.start();
	}

	// The line is printed once the server listens; log lines may come before and after it.
	private static Matcher awaitListening(Path temporary) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> Files.readAllLines(temporary.resolve("out.txt"))
			.stream()
			.map(LISTENING::matcher)
			.filter(Matcher::matches)
			.findFirst()
			.orElse(null), (matcher) -> matcher != null);
	}

}
