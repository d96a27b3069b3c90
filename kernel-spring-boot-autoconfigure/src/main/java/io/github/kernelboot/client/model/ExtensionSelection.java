package io.github.kernelboot.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Extension uploaded to Kernel, chosen by id or by name (exactly one of the two).
 *
 * @param id extension id
 * @param name extension name, matching {@code ^[a-zA-Z0-9._-]{1,255}$}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExtensionSelection(@Nullable String id, @Nullable String name) {

	/**
	 * Selects an extension by its id.
	 * @param id the extension id
	 * @return the selection
	 */
	public static ExtensionSelection byId(String id) {
		return new ExtensionSelection(id, null);
	}

	/**
	 * Selects an extension by its name.
	 * @param name the extension name
	 * @return the selection
	 */
	public static ExtensionSelection byName(String name) {
		return new ExtensionSelection(null, name);
	}

}
