package io.github.kernelboot.client.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A browser pool as the server reports it.
 *
 * @param id pool id
 * @param name pool name
 * @param acquiredCount browsers currently leased
 * @param availableCount idle browsers ready to be acquired
 * @param createdAt when the pool was created
 * @param browserPoolConfig the pool's configuration as stored
 * @param extensionIds ids of the extensions loaded into its browsers
 * @param profileId id of the profile loaded into its browsers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BrowserPool(String id, @Nullable String name, @JsonSetter(nulls = Nulls.AS_EMPTY) int acquiredCount,
		@JsonSetter(nulls = Nulls.AS_EMPTY) int availableCount,
		@Nullable OffsetDateTime createdAt, @Nullable BrowserPoolRequest browserPoolConfig,
		@Nullable List<String> extensionIds, @Nullable String profileId) {

}
