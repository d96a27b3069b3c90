package io.github.kernelboot.client.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Profile loaded into a browser, as the server describes it.
 *
 * @param id profile id
 * @param name profile name
 * @param createdAt when the profile was created
 * @param updatedAt when the profile was last updated
 * @param lastUsedAt when the profile was last used
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Profile(String id, @Nullable String name, @Nullable OffsetDateTime createdAt,
		@Nullable OffsetDateTime updatedAt, @Nullable OffsetDateTime lastUsedAt) {

}
