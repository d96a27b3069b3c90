package io.github.kernelboot.local.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading Chromium's {@code DevToolsActivePort} file.
 */
class DevToolsActivePortTests {

	@Test
	void readsThePortAndTheBrowserPath(@TempDir Path directory) throws Exception {
		Path file = directory.resolve(DevToolsActivePort.FILE_NAME);
		Files.writeString(file, "37619\n/devtools/browser/878dfb92-31e7\n", StandardCharsets.UTF_8);
		assertThat(DevToolsActivePort.read(file)).isEqualTo("ws://127.0.0.1:37619/devtools/browser/878dfb92-31e7");
	}

	@Test
	void waitsWhileTheFileIsMissingOrHalfWritten(@TempDir Path directory) throws Exception {
		Path file = directory.resolve(DevToolsActivePort.FILE_NAME);
		assertThat(DevToolsActivePort.read(file)).isNull();
		Files.writeString(file, "37619", StandardCharsets.UTF_8);
		assertThat(DevToolsActivePort.read(file)).isNull();
		Files.writeString(file, "37619\n", StandardCharsets.UTF_8);
		assertThat(DevToolsActivePort.read(file)).isNull();
	}

}
