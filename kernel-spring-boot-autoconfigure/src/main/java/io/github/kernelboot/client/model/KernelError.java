package io.github.kernelboot.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Error JSON of the Kernel API.
 *
 * @param code machine-readable error code, such as {@code bad_request}
 * @param message description for people
 * @param details further details, one per problem
 * @param innerError lower-level cause
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KernelError(String code, String message, @Nullable List<ErrorDetail> details,
		@Nullable ErrorDetail innerError) {

}
