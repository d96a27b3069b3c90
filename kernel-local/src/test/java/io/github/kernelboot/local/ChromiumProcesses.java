package io.github.kernelboot.local;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds the live processes of a kernel-local server: every Chromium it starts (crash
 * handlers included) names the server's work directory in its command line.
 */
public final class ChromiumProcesses {

	private ChromiumProcesses() {
	}

	public static List<ProcessHandle> under(Path workDirectory) {
		String marker = workDirectory.toString();
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(marker)).orElse(false))
			.toList();
	}

	/**
	 * Stops a server and checks that no process of it is left.
	 * @param server the server
	 */
	static void stopLeavingNone(KernelLocalServer server) {
		Path workDirectory = server.workDirectory();
		server.stop();
		assertThat(under(workDirectory)).isEmpty();
	}

	/**
	 * Returns whether a process still runs: an exited process whose parent is gone stays a
	 * zombie, without a command line, until init reaps it.
	 * @param process the process
	 * @return whether it runs
	 */
	static boolean isRunning(ProcessHandle process) {
		return process.isAlive() && process.info().commandLine().isPresent();
	}

}
