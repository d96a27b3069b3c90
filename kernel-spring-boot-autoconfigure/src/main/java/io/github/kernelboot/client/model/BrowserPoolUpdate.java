package io.github.kernelboot.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /browser_pools/{id_or_name}}: the configuration components to change
 * (unset ones stay as they are) and whether idle browsers are discarded so that new ones
 * pick up the change at once.
 *
 * @param changes the components to change
 * @param discardAllIdle whether to destroy idle browsers now (server default false)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BrowserPoolUpdate(@JsonUnwrapped BrowserPoolRequest changes, @Nullable Boolean discardAllIdle) {

}
