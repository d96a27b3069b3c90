package io.github.kernelboot.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Initial window size of a browser, in pixels, with an optional refresh rate in Hz.
 *
 * @param width window width, 320 to 7680
 * @param height window height, 240 to 4320
 * @param refreshRate refresh rate; when absent the server derives it from known presets
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Viewport(@JsonSetter(nulls = Nulls.AS_EMPTY) int width,
		@JsonSetter(nulls = Nulls.AS_EMPTY) int height, @Nullable Integer refreshRate) {

	/**
	 * Creates a viewport without a refresh rate.
	 * @param width window width
	 * @param height window height
	 * @return the viewport
	 */
	public static Viewport of(int width, int height) {
		return new Viewport(width, height, null);
	}

}
