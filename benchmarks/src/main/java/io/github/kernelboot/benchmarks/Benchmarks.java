package io.github.kernelboot.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmarks, prints each figure, and writes them all to BENCHMARKS.md with the
 * machine, the date and the command.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package &amp;&amp; java -jar benchmarks/target/benchmarks.jar
 * </pre>
 *
 * Arguments: {@code --out=PATH} (default BENCHMARKS.md), {@code --only=overhead,waiting,local,startup}.
 */
public final class Benchmarks {

	static final String COMMAND = "./mvnw -B -q -DskipTests package && java -jar benchmarks/target/benchmarks.jar";

	private static final Set<String> BENCHMARKS = Set.of("overhead", "waiting", "local", "startup");

	private static final String USAGE = "Usage: java -jar benchmarks/target/benchmarks.jar [--out=PATH]"
			+ " [--only=overhead,waiting,local,startup]";

	private Benchmarks() {
	}

	public static void main(String[] args) throws IOException {
		// A mistyped option must not set off a run of minutes that overwrites BENCHMARKS.md.
		Set<String> given = new HashSet<>();
		for (String arg : args) {
			if (!arg.startsWith("--out=") && !arg.startsWith("--only=")) {
				exitWithUsage("Unknown argument '" + arg + "'");
			}
			String name = arg.substring(0, arg.indexOf('='));
			if (!given.add(name)) {
				exitWithUsage(name + " given more than once");
			}
		}
		Path out = Path.of(option(args, "--out=", "BENCHMARKS.md"));
		Set<String> only = Set.copyOf(Arrays.asList(option(args, "--only=", String.join(",", BENCHMARKS)).split(",")));
		if (!BENCHMARKS.containsAll(only)) {
			exitWithUsage("--only=" + String.join(",", only) + " names a benchmark that is not one of " + BENCHMARKS);
		}
		if (!only.containsAll(BENCHMARKS) && !given.contains("--out")) {
			exitWithUsage("--only measures some of the figures: give --out=PATH too, so that BENCHMARKS.md keeps"
					+ " them all");
		}
		long started = System.nanoTime();
		List<Report> reports = new ArrayList<>();
		if (only.contains("overhead")) {
			reports.add(new ClientOverheadBenchmark().run());
		}
		if (only.contains("waiting")) {
			reports.add(new WaitingAtScaleBenchmark(1000).run());
		}
		if (only.contains("local")) {
			reports.add(new KernelLocalChromiumBenchmark().run());
		}
		if (only.contains("startup")) {
			reports.add(new StartupCostBenchmark().run());
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Files.writeString(out, markdown(reports, took));
		System.out.println();
		System.out.println("Wrote " + out.toAbsolutePath() + " (" + took.toSeconds() + " s)");
		System.exit(0);
	}

	private static String markdown(List<Report> reports, Duration took) {
		StringBuilder markdown = new StringBuilder("# Benchmarks\n\n");
		markdown.append("Measured on ").append(LocalDate.now()).append(" with\n\n```bash\n").append(COMMAND)
			.append("\n```\n\n");
		markdown.append("Machine: ").append(machine()).append(". The whole run took ").append(took.toSeconds())
			.append(" s. Every comparison runs both sides in the same process and run, and reports the ratio; "
					+ "these machines are noisy, so ratios matter more than absolute figures.\n\n");
		reports.forEach((report) -> markdown.append(report.markdown()).append('\n'));
		Path findings = Path.of("benchmarks/FINDINGS.md");
		if (Files.isRegularFile(findings)) {
			try {
				markdown.append(Files.readString(findings));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return markdown.toString();
	}

	private static String machine() {
		String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", "");
		long memoryKib = Long.parseLong(firstLine(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\D", ""));
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
				+ (memoryKib / 1024 / 1024) + " GiB, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version") + ", " + chromiumVersion() + ", heap max "
				+ (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1024 / 1024) + " MiB";
	}

	private static String firstLine(Path file, String prefix) {
		try {
			return Files.readAllLines(file).stream().filter((line) -> line.startsWith(prefix)).findFirst().orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String chromiumVersion() {
		try {
			Process process = new ProcessBuilder("/usr/bin/chromium", "--version").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes()).lines()
				.filter((line) -> line.startsWith("Chromium"))
				.findFirst()
				.orElse("Chromium ?");
			process.waitFor(10, TimeUnit.SECONDS);
			return output.trim();
		}
		catch (IOException ex) {
			return "no Chromium";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "Chromium ?";
		}
	}

	private static void exitWithUsage(String problem) {
		System.err.println(problem);
		System.err.println(USAGE);
		System.exit(2);
	}

	private static String option(String[] args, String prefix, String fallback) {
		return Arrays.stream(args)
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.findFirst()
			.orElse(fallback);
	}

}
