package io.github.kernelboot.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Persistent session id of the deprecated persistence feature; use
 * {@code timeout_seconds} and profiles instead.
 *
 * @param id persistent session id
 */
@Deprecated
@JsonIgnoreProperties(ignoreUnknown = true)
public record Persistence(String id) {

}
