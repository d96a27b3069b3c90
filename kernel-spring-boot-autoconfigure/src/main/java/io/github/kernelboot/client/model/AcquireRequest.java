package io.github.kernelboot.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /browser_pools/{id_or_name}/acquire}: one long poll.
 *
 * @param acquireTimeoutSeconds seconds the server may hold the poll before it answers 204
 * (server default: the time to fill the pool at its fill rate)
 * @param name name to give the acquired session
 * @param startUrl URL the acquired browser opens
 * @param tags tags to give the acquired session
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AcquireRequest(@Nullable Integer acquireTimeoutSeconds, @Nullable String name,
		@Nullable String startUrl, @Nullable Map<String, String> tags) {

	/**
	 * Returns this request with another poll time.
	 * @param acquireTimeoutSeconds seconds the server may hold the poll
	 * @return a new request
	 */
	public AcquireRequest withAcquireTimeoutSeconds(int acquireTimeoutSeconds) {
		return new AcquireRequest(acquireTimeoutSeconds, this.name, this.startUrl, this.tags);
	}

	/**
	 * Returns this request with one more tag.
	 * @param key the tag's key
	 * @param value the tag's value
	 * @return a new request
	 */
	public AcquireRequest withTag(String key, String value) {
		Map<String, String> tags = new LinkedHashMap<>((this.tags != null) ? this.tags : Map.of());
		tags.put(key, value);
		return new AcquireRequest(this.acquireTimeoutSeconds, this.name, this.startUrl, Collections.unmodifiableMap(tags));
	}

}
