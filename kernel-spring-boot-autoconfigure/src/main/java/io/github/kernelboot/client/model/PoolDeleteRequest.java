package io.github.kernelboot.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code DELETE /browser_pools/{id_or_name}}.
 *
 * @param force whether to delete the pool even while browsers are leased
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolDeleteRequest(@Nullable Boolean force) {

}
