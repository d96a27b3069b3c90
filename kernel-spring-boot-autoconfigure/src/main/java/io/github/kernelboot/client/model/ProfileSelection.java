package io.github.kernelboot.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Profile to load into a browser, chosen by id or by name (exactly one of the two).
 *
 * @param id profile id
 * @param name profile name, matching {@code ^[a-zA-Z0-9._-]{1,255}$}
 * @param saveChanges whether changes made during the session are saved back to the profile
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProfileSelection(@Nullable String id, @Nullable String name, @Nullable Boolean saveChanges) {

	/**
	 * Selects a profile by its id.
	 * @param id the profile id
	 * @return the selection
	 */
	public static ProfileSelection byId(String id) {
		return new ProfileSelection(id, null, null);
	}

	/**
	 * Selects a profile by its name.
	 * @param name the profile name
	 * @return the selection
	 */
	public static ProfileSelection byName(String name) {
		return new ProfileSelection(null, name, null);
	}

	/**
	 * Returns this selection with changes saved back to the profile when the session ends.
	 * @param saveChanges whether to save changes
	 * @return a new selection
	 */
	public ProfileSelection withSaveChanges(boolean saveChanges) {
		return new ProfileSelection(this.id, this.name, saveChanges);
	}

}
