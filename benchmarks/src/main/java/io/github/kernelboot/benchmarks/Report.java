package io.github.kernelboot.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one benchmark: a Markdown section with a table and notes, printed as it
 * grows.
 */
final class Report {

	private final String title;

	private final List<String> lines = new ArrayList<>();

	Report(String title, String description) {
		this.title = title;
		System.out.println();
		System.out.println("== " + title);
		this.lines.add(description);
		this.lines.add("");
		this.lines.add("| figure | value | target | verdict |");
		this.lines.add("|---|---|---|---|");
	}

	/**
	 * Records a figure without a target.
	 */
	void figure(String name, String value) {
		figure(name, value, "", null);
	}

	/**
	 * Records a figure and whether it met its target.
	 * @param met whether the target is met, or {@code null} for no target
	 */
	void figure(String name, String value, String target, Boolean met) {
		String verdict = (met == null) ? "" : (met ? "met" : "MISSED");
		System.out.printf("  %-60s %-22s %-16s %s%n", name, value, target, verdict);
		this.lines.add("| " + name + " | " + value + " | " + target + " | " + verdict + " |");
	}

	void note(String note) {
		System.out.println("  note: " + note);
		this.lines.add("");
		this.lines.add(note);
	}

	String markdown() {
		return "## " + this.title + "\n\n" + String.join("\n", this.lines) + "\n";
	}

}
