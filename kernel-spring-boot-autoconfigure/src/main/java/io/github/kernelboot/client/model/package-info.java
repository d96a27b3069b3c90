/**
 * Java records for the JSON of the Kernel API: requests, browsers, pools and errors.
 *
 * <p>Every record maps its components to snake_case names, leaves out {@code null} components
 * when written and ignores fields it does not know when read, because the API adds optional
 * fields often. Numbers and booleans the server leaves out read as 0 and {@code false}.
 */
@NullMarked
package io.github.kernelboot.client.model;

import org.jspecify.annotations.NullMarked;
