package io.github.kernelboot.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A route's path, such as {@code /browser_pools/{id_or_name}/acquire}: literal segments and
 * {@code {variables}} that match one segment each.
 */
final class PathTemplate {

	private final String template;

	private final List<String> segments;

	PathTemplate(String template) {
		this.template = template;
		this.segments = split(template);
	}

	/**
	 * Matches decoded path segments.
	 * @param path the request's segments
	 * @return the variables, or {@code null} if the path does not match
	 */
	@Nullable Map<String, String> match(List<String> path) {
		if (path.size() != this.segments.size()) {
			return null;
		}
		Map<String, String> variables = new HashMap<>();
		for (int i = 0; i < path.size(); i++) {
			String segment = this.segments.get(i);
			if (segment.startsWith("{") && segment.endsWith("}")) {
				variables.put(segment.substring(1, segment.length() - 1), path.get(i));
			}
			else if (!segment.equals(path.get(i))) {
				return null;
			}
		}
		return variables;
	}

	static List<String> split(String path) {
		String trimmed = path.replaceAll("^/+|/+$", "");
		return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
	}

	@Override
	public String toString() {
		return this.template;
	}

}
