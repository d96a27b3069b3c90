package io.github.kernelboot.sample;

/**
 * What rendering a page gave.
 *
 * @param title the page's title
 * @param png a screenshot of the page's viewport
 */
public record Rendering(String title, byte[] png) {

}
